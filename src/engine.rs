//! The engine's front door: source file → parse → compile → run, on a thread with a large
//! stack so deep (but bounded) nesting never overflows, and with every failure reported as
//! CPython would report it.

use std::path::Path;

use crate::compiler::{CompileError, CompileErrorKind, Mode, compile_module};
use crate::syntax::{SyntaxError, SyntaxErrorKind, parse_file};
use crate::vm::{Options, StdOutput, Vm};

/// The stack the engine runs on: parsing, compiling and native calls into Python recurse.
pub const ENGINE_STACK: usize = 256 << 20;

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub repl_mode: bool,
    pub check_ledger: bool,
    pub max_heap: Option<usize>,
    pub args: Vec<String>,
}

/// Exit code for an internal error (a refscope bug, never the program's fault).
pub const INTERNAL_ERROR: i32 = 70;

/// The text CPython prints for a compile-time error.
pub fn render_compile_error(e: &CompileError, filename: &str, source: &str) -> String {
    match e.kind {
        CompileErrorKind::SyntaxError => SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            e.msg.clone(),
            filename,
            source,
            e.line,
            e.col,
            None,
        )
        .render(),
        CompileErrorKind::Unsupported => {
            let text = source
                .lines()
                .nth(e.line.saturating_sub(1) as usize)
                .unwrap_or("")
                .trim();
            format!(
                "  File \"{filename}\", line {}\n    {text}\nNotImplementedError: {}\n",
                e.line, e.msg
            )
        }
    }
}

/// Runs a program file like `python3 FILE`, printing to the process's stdout and stderr.
/// Returns the exit code.
pub fn run_file(path: &Path, opts: &RunOptions) -> i32 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "refscope: can't open file '{}': [Errno {}] {}",
                path.display(),
                e.raw_os_error().unwrap_or(2),
                match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    _ => e.to_string(),
                }
            );
            return 2;
        }
    };
    let filename = path.to_string_lossy().to_string();
    let opts = opts.clone();
    let worker = std::thread::Builder::new()
        .name("refscope-engine".into())
        .stack_size(ENGINE_STACK)
        .spawn(move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_bytes(&bytes, &filename, &opts)
            }))
        });
    match worker.map(|h| h.join()) {
        Ok(Ok(Ok(code))) => code,
        Ok(Ok(Err(panic))) | Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            eprintln!(
                "refscope: internal error (this is a bug in refscope, please report it): {msg}"
            );
            INTERNAL_ERROR
        }
        Err(e) => {
            eprintln!("refscope: could not start the engine: {e}");
            INTERNAL_ERROR
        }
    }
}

fn run_bytes(bytes: &[u8], filename: &str, opts: &RunOptions) -> i32 {
    let parsed = match parse_file(bytes, filename) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", e.render());
            return 1;
        }
    };
    let source = parsed.lines.source().to_string();
    let mode = if opts.repl_mode {
        Mode::Repl
    } else {
        Mode::File
    };
    let codes = match compile_module(&parsed.module, &source, filename, mode) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", render_compile_error(&e, filename, &source));
            return 1;
        }
    };
    let warnings = crate::compiler::syntax_warnings(&parsed.module, &source);
    if !warnings.is_empty() {
        eprint!(
            "{}",
            crate::compiler::render_warnings(&warnings, filename, &source)
        );
    }
    let mut argv = vec![filename.to_string()];
    argv.extend(opts.args.iter().cloned());
    let mut vm = Vm::new(
        Box::new(StdOutput::default()),
        Options {
            argv,
            max_heap: opts.max_heap,
            check_ledger: opts.check_ledger,
        },
    );
    vm.create_main(filename, &source);
    let outcome = vm.run_program(&codes);
    vm.finalize_main();
    if let Some(v) = vm.ledger_violation.take() {
        vm.out
            .write_err(&format!("refscope: refcount ledger violated: {v}\n"));
        return INTERNAL_ERROR;
    }
    outcome.exit_code
}

/// `refscope dis FILE`: prints the compiled bytecode. Returns the exit code.
pub fn disassemble_file(path: &Path) -> i32 {
    let filename = path.to_string_lossy().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("refscope: can't open file '{filename}': {e}");
            return 2;
        }
    };
    let parsed = match parse_file(&bytes, &filename) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", e.render());
            return 1;
        }
    };
    let source = parsed.lines.source().to_string();
    match compile_module(&parsed.module, &source, &filename, Mode::File) {
        Ok(codes) => {
            for c in codes {
                crate::cli::emit(format_args!("{}", crate::compiler::disassemble(&c)));
            }
            0
        }
        Err(e) => {
            eprint!("{}", render_compile_error(&e, &filename, &source));
            1
        }
    }
}
