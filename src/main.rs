use std::process::ExitCode;

use clap::Parser;

// The lint builds a tree per file and drops it: allocation-heavy work where mimalloc
// measured markedly faster than the system allocator (user time over the corpus 0.62 s →
// 0.35 s; see benches/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Option numbers from mimalloc's `mi_option_e` (include/mimalloc.h, the same in v2 and v3); libmimalloc-sys
// names only some of them. A test checks the numbering against the one it does name.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Returns freed memory to the system at once instead of keeping it for reuse: a lint of
/// many files frees whole trees, and keeping them doubled the peak memory.
fn tune_allocator() {
    // SAFETY: mi_option_set only stores an option value; it is called before any thread
    // is started.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = match connlint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors.
            return if e.use_stderr() {
                ExitCode::from(connlint::cli::ExitStatus::Error as u8)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    connlint::cli::run(cli).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_option_numbers_match_mimalloc() {
        // purge_delay comes right before use_numa_nodes, which the sys crate names.
        assert_eq!(
            MI_OPTION_PURGE_DELAY,
            libmimalloc_sys::mi_option_use_numa_nodes - 1
        );
        tune_allocator();
        // SAFETY: reading an option value.
        let (delay, eager) = unsafe {
            (
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
                libmimalloc_sys::mi_option_get(MI_OPTION_ARENA_EAGER_COMMIT),
            )
        };
        assert_eq!((delay, eager), (0, 0));
    }
}
