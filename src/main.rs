fn main() {
    let args: Vec<String> = std::env::args().collect();
    #[cfg(feature = "gui")]
    {
        // `refscope` alone or `refscope FILE.py` opens the window; subcommands are the CLI.
        let file = args
            .get(1)
            .filter(|a| args.len() == 2 && a.ends_with(".py"));
        if args.len() == 1 || file.is_some() {
            std::process::exit(refscope::app::run_window(
                file.map(std::path::PathBuf::from),
            ));
        }
    }
    let code = refscope::cli::main_with_args(args);
    std::process::exit(code);
}
