//! The command line: `refscope run FILE.py` and friends. A thin client of the library.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::engine::{RunOptions, run_file};

/// refscope: see Python's memory — refcounts, back-references and the cycle collector.
#[derive(Parser, Debug)]
#[command(
    name = "refscope",
    version,
    about,
    long_about = None,
    after_help = "Without a command, `refscope` opens the desktop app; `refscope FILE.py` opens it on a program."
)]
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
    /// Run a program and write every step (line, call, return, exception, collector
    /// phase) with the heap events it caused, as JSON (schema refscope.trace/1).
    Trace {
        /// The program to run.
        file: PathBuf,
        /// Where to write the JSON (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: Limits,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Write the heap at one step as JSON (schema refscope.snapshot/1): at step N, or just
    /// before line L first runs (what a breakpoint on L shows).
    Snapshot {
        /// The program to run.
        file: PathBuf,
        /// The step to show (0 is the first).
        #[arg(long, conflicts_with = "line", required_unless_present = "line")]
        step: Option<usize>,
        /// Show the heap just before this line first runs.
        #[arg(long)]
        line: Option<u32>,
        /// Add an `analysis` section: each object's reachability (reachable, cyclic
        /// garbage, held by garbage), retained size and dominator, and the reference
        /// cycles.
        #[arg(long)]
        analysis: bool,
        /// Where to write the JSON (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        limits: Limits,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Draw what refers to a variable (or what it refers to) just before a line runs, as
    /// objgraph's show_backrefs/show_refs do, to PNG, SVG or DOT (by the file extension).
    Export {
        /// The program to run.
        file: PathBuf,
        /// The line just before which to look.
        #[arg(long)]
        line: u32,
        /// Draw what refers to this variable (objgraph's show_backrefs).
        #[arg(
            long,
            value_name = "NAME",
            conflicts_with = "refs",
            required_unless_present = "refs"
        )]
        backrefs: Option<String>,
        /// Draw what this variable refers to (objgraph's show_refs).
        #[arg(long, value_name = "NAME")]
        refs: Option<String>,
        #[arg(long, default_value_t = 3)]
        max_depth: usize,
        #[arg(long, default_value_t = 10)]
        too_many: usize,
        /// The picture: out.png, out.svg or out.dot.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        limits: Limits,
    },
    /// What lives on the heap just before a line runs: objects and bytes by type, growth
    /// since an earlier line, what keeps the most memory alive (retained size) and the
    /// reference cycles. For hunting leaks.
    Stats {
        /// The program to run.
        file: PathBuf,
        /// The line just before which to look.
        #[arg(long)]
        line: u32,
        /// Also show what grew since just before this (earlier) line.
        #[arg(long, value_name = "LINE")]
        since: Option<u32>,
        /// How many rows each table shows.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        limits: Limits,
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
        /// Time each workload this many times in each engine, alternating, and report
        /// the median (timings on a shared machine vary by a third from run to run).
        #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
        runs: u32,
    },
}

/// The limits of a recorded run.
#[derive(clap::Args, Debug, Clone)]
pub struct Limits {
    /// Stop the program after this many steps.
    #[arg(long, value_name = "N", default_value_t = crate::record::session::DEFAULT_MAX_STEPS)]
    pub max_steps: u64,
    /// Raise MemoryError in the program when the modelled heap would exceed this many bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_heap: Option<usize>,
    /// Compile each top-level statement on its own, as the interactive interpreter does.
    #[arg(long)]
    pub repl_mode: bool,
}

/// Writes to standard output for a command's report. When the reader has gone away
/// (`refscope bench | head`), the command ends with a one-line message and status 1, as
/// `refscope trace` does, instead of the panic `println!` would give.
pub fn emit(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        eprintln!("refscope: can't write standard output: {e}");
        std::process::exit(1);
    }
}

/// `println!` through [`emit`].
#[macro_export]
macro_rules! outln {
    () => { $crate::cli::emit(format_args!("\n")) };
    ($($t:tt)*) => { $crate::cli::emit(format_args!("{}\n", format_args!($($t)*))) };
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
        Some(Command::Trace {
            file,
            output,
            limits,
            args,
        }) => crate::record::cli::trace(&file, output.as_deref(), &limits, args),
        Some(Command::Snapshot {
            file,
            step,
            line,
            analysis,
            output,
            limits,
            args,
        }) => crate::record::cli::snapshot(
            &file,
            (step, line),
            analysis,
            output.as_deref(),
            &limits,
            args,
        ),
        Some(Command::Export {
            file,
            line,
            backrefs,
            refs,
            max_depth,
            too_many,
            output,
            limits,
        }) => crate::record::cli::export(
            &file,
            line,
            backrefs
                .as_deref()
                .map(|n| (n, true))
                .or(refs.as_deref().map(|n| (n, false))),
            (max_depth, too_many),
            &output,
            &limits,
        ),
        Some(Command::Stats {
            file,
            line,
            since,
            top,
            limits,
        }) => crate::record::cli::stats(&file, line, since, top, &limits),
        Some(Command::Dis { file }) => crate::engine::disassemble_file(&file),
        Some(Command::Bench { filter, runs }) => {
            crate::bench::run(filter.as_deref(), runs as usize)
        }
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            0
        }
    }
}
