//! The command line: `refscope run FILE.py` and friends. A thin client of the library.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::engine::{RunOptions, run_file};

/// refscope: see Python's memory — refcounts, back-references and the cycle collector.
#[derive(Parser, Debug)]
#[command(name = "refscope", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python program on refscope's modelled CPython 3.11 heap, like `python3 FILE`.
    Run {
        /// The program to run.
        file: PathBuf,
        /// Compile each top-level statement on its own, as the interactive interpreter
        /// does (so `c = 1000; d = 1000; c is d` is False, as in the seed article).
        #[arg(long)]
        repl_mode: bool,
        /// Check after every instruction that each object's refcount equals its number of
        /// holders (slow; for tests).
        #[arg(long)]
        check_ledger: bool,
        /// Raise MemoryError in the program when the modelled heap would exceed this many bytes.
        #[arg(long, value_name = "BYTES")]
        max_heap: Option<usize>,
        /// Arguments for the program (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Show the bytecode refscope compiles a program to.
    Dis {
        /// The program to disassemble.
        file: PathBuf,
    },
    /// Time the benchmark workloads in refscope and in python3, side by side.
    Bench {
        /// Only the workloads whose name contains this text.
        filter: Option<String>,
    },
}

/// Runs the command line; returns the process exit code.
pub fn main_with_args(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Some(Command::Run {
            file,
            repl_mode,
            check_ledger,
            max_heap,
            args,
        }) => run_file(
            &file,
            &RunOptions {
                repl_mode,
                check_ledger,
                max_heap,
                args,
            },
        ),
        Some(Command::Dis { file }) => crate::engine::disassemble_file(&file),
        Some(Command::Bench { filter }) => crate::bench::run(filter.as_deref()),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            0
        }
    }
}
