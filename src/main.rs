use std::alloc::{GlobalAlloc, Layout, System};

/// The allocator: small blocks from mimalloc, large ones from the system's.
///
/// The engine makes and frees small blocks by the million (a list's header, an
/// instance's attributes, a short item array), as CPython does; CPython serves those from
/// its own small-object allocator (pymalloc), and glibc's malloc and free were a sixth of
/// the engine's instructions on the two-list-cycle workload. mimalloc serves them from
/// per-size free lists. Large blocks (the heap's object table, a list of a million
/// items) stay with glibc, whose `realloc` of a large block remaps its pages where
/// mimalloc's copies them and keeps the old ones a while: a list of 10^6 ints then took
/// 90 MB instead of 56.
///
/// Routing by size is sound because Rust hands `dealloc` and `realloc` the layout the
/// block was allocated with: the same size picks the same allocator.
struct Allocator;

/// Blocks up to this many bytes come from mimalloc.
const SMALL: usize = 4096;

// SAFETY: each method hands the block to the allocator that `layout.size()` picks, which
// is the one that allocated it (see above); a block that changes sides in `realloc` is
// copied into a new block of the other allocator, then freed by its own.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.size() <= SMALL {
                mimalloc::MiMalloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.size() <= SMALL {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe {
            if layout.size() <= SMALL {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            match (layout.size() <= SMALL, new_size <= SMALL) {
                (true, true) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
                (false, false) => System.realloc(ptr, layout, new_size),
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// Keeps transparent huge pages off. mimalloc asks the kernel for them on its arenas;
/// when the machine's memory is fragmented the kernel compacts it at the page fault, and
/// a run of 10^6 instances took anywhere from 0.4 to 2.3 s (the system time alone up to
/// 1.6 s) instead of a steady 0.55.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        unsafe extern "C" {
            fn prctl(option: i32, ...) -> i32;
        }
        const PR_SET_THP_DISABLE: i32 = 41;
        // SAFETY: a flag on this process's memory policy; no memory is handed over, and
        // a kernel without it returns an error, which changes nothing.
        unsafe {
            prctl(PR_SET_THP_DISABLE, 1u64, 0u64, 0u64, 0u64);
        }
    }
}

fn main() {
    no_huge_pages();
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
