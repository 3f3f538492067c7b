fn main() {
    let args: Vec<String> = std::env::args().collect();
    #[cfg(feature = "gui")]
    {
        // `refscope` alone, `refscope FILE.py` or `refscope FILE.py:LINE` opens the window
        // (at LINE: paused just before it first runs); subcommands are the CLI.
        let target = args
            .get(1)
            .filter(|_| args.len() == 2)
            .and_then(|a| refscope::app::parse_target(a));
        if args.len() == 1 || target.is_some() {
            let (file, line) = target.unzip();
            std::process::exit(refscope::app::run_window(file, line.flatten()));
        }
    }
    let code = refscope::cli::main_with_args(args);
    if code < 0 {
        end_by_signal(-code);
    }
    std::process::exit(code);
}

/// Ends the process by a signal, as python3 ends on an uncaught KeyboardInterrupt (so a
/// shell sees 130 and a parent process "killed by SIGINT"); exits with 128 + the signal
/// number if the signal does not end it.
fn end_by_signal(sig: i32) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
        fn raise(sig: i32) -> i32;
    }
    const SIG_DFL: usize = 0;
    // SAFETY: restoring the default action of a signal and raising it in this process
    // are plain libc calls with no memory handed over.
    unsafe {
        signal(sig, SIG_DFL);
        raise(sig);
    }
    std::process::exit(128 + sig)
}
