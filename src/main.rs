fn main() {
    let code = refscope::cli::main_with_args(std::env::args().collect());
    std::process::exit(code);
}
