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
    std::process::exit(code);
}
