//! Running a program while recording it. A `Session` owns an engine thread (with a large
//! stack) that runs the program and pauses at step boundaries until its owner allows more
//! steps, so a caller such as the app never blocks and can pause an endless loop.
//! [`record_file`] is the synchronous form the CLI uses.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

use super::recording::Recording;
use crate::compiler::{Mode, compile_module};
use crate::engine::{ENGINE_STACK, INTERNAL_ERROR, render_compile_error};
use crate::syntax::parse_file;
use crate::vm::steps::{Aborted, Gate, GateFn, StepLimit, Tracer};
use crate::vm::{Options, Output, Vm};

#[derive(Debug, Clone)]
pub struct SessionOptions {
    pub repl_mode: bool,
    /// Stop the program after this many steps.
    pub max_steps: u64,
    /// The modelled heap size past which the program gets a MemoryError.
    pub max_heap: Option<usize>,
    pub args: Vec<String>,
}

/// Enough for every teaching program; protects the app from endless loops.
pub const DEFAULT_MAX_STEPS: u64 = 5_000_000;
/// 1 GiB of modelled objects.
pub const DEFAULT_MAX_HEAP: usize = 1 << 30;

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            repl_mode: false,
            max_steps: DEFAULT_MAX_STEPS,
            max_heap: Some(DEFAULT_MAX_HEAP),
            args: vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Waiting for `run_to`.
    Paused,
    Finished {
        exit_code: i32,
    },
    /// Stopped by a limit (the message says which).
    LimitReached(String),
}

enum Cmd {
    RunTo(usize),
    Collect,
    Abort,
}

/// The program's output, written into the recording as it happens.
struct RecordedOutput(Recording);

impl Output for RecordedOutput {
    fn write_out(&mut self, s: &str) {
        self.0.lock().output.push_str(s);
    }
    fn write_err(&mut self, s: &str) {
        self.0.lock().output.push_str(s);
    }
}

pub struct Session {
    rec: Recording,
    cmds: Sender<Cmd>,
    statuses: Receiver<Status>,
    status: Status,
    seen_len: usize,
    /// The most steps asked for with `run_to`.
    requested: usize,
    thread: Option<JoinHandle<()>>,
}

impl Session {
    /// Starts the program; it runs to its first step and pauses. Never fails: a program
    /// that does not compile finishes at once with exit code 1 and CPython's message in
    /// the output.
    pub fn start(source: String, filename: String, opts: SessionOptions) -> Session {
        let rec = Recording::default();
        let (cmds, cmd_rx) = channel();
        let (status_tx, statuses) = channel();
        let engine_rec = rec.clone();
        let thread = std::thread::Builder::new()
            .name("refscope-session".into())
            .stack_size(ENGINE_STACK)
            .spawn(move || {
                let gate = paused_gate(cmd_rx, status_tx.clone());
                let status =
                    run_recorded(source.as_bytes(), &filename, &opts, &engine_rec, Some(gate));
                let _ = status_tx.send(status);
            });
        let (thread, status) = match thread {
            Ok(t) => (Some(t), Status::Running),
            Err(e) => {
                rec.lock()
                    .output
                    .push_str(&format!("refscope: could not start the engine: {e}\n"));
                (
                    None,
                    Status::Finished {
                        exit_code: INTERNAL_ERROR,
                    },
                )
            }
        };
        Session {
            rec,
            cmds,
            statuses,
            status,
            seen_len: 0,
            requested: 1,
            thread,
        }
    }

    /// Lets the program run until the recording has `steps` steps (non-blocking).
    pub fn run_to(&mut self, steps: usize) {
        self.requested = self.requested.max(steps);
        if self.status == Status::Paused || self.status == Status::Running {
            let _ = self.cmds.send(Cmd::RunTo(steps));
            if self.rec.len() < steps {
                self.status = Status::Running;
            }
        }
    }

    /// Takes in what the engine did meanwhile. True when something changed.
    pub fn pump(&mut self) -> bool {
        let mut changed = false;
        loop {
            match self.statuses.try_recv() {
                Ok(s) => {
                    changed |= s != self.status;
                    self.status = s;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if matches!(self.status, Status::Running | Status::Paused) {
                        self.status = Status::Finished {
                            exit_code: INTERNAL_ERROR,
                        };
                        changed = true;
                    }
                    break;
                }
            }
        }
        let len = self.rec.len();
        changed |= len != self.seen_len;
        self.seen_len = len;
        changed
    }

    /// Blocks until the program pauses where it was asked to (or ends).
    pub fn wait(&mut self) {
        loop {
            self.pump();
            let early = self.status == Status::Paused && self.rec.len() < self.requested;
            if self.status != Status::Running && !early {
                return;
            }
            match self.statuses.recv() {
                Ok(s) => self.status = s,
                Err(_) => {
                    self.pump();
                    return;
                }
            }
        }
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn recording(&self) -> &Recording {
        &self.rec
    }

    /// The program's stdout and stderr so far.
    pub fn output(&self) -> String {
        self.rec.output()
    }

    /// Runs `gc.collect()` in the program's world where it is paused; the collection's
    /// phases arrive as steps.
    pub fn collect_now(&mut self) {
        if self.status == Status::Paused {
            let _ = self.cmds.send(Cmd::Collect);
            self.status = Status::Running;
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.cmds.send(Cmd::Abort);
        // The engine stops at its next step; nothing waits for it.
        drop(self.thread.take());
    }
}

/// The gate of an interactive session: run while steps are allowed, else report `Paused`
/// and wait for a command.
fn paused_gate(cmds: Receiver<Cmd>, status: Sender<Status>) -> GateFn {
    let mut allowed = 1usize;
    Box::new(move |rec: &Recording| {
        loop {
            match cmds.try_recv() {
                Ok(Cmd::RunTo(n)) => allowed = n,
                Ok(Cmd::Collect) => return Gate::Collect,
                Ok(Cmd::Abort) | Err(TryRecvError::Disconnected) => return Gate::Abort,
                Err(TryRecvError::Empty) => break,
            }
        }
        if rec.len() < allowed {
            return Gate::Continue;
        }
        let _ = status.send(Status::Paused);
        loop {
            match cmds.recv() {
                Ok(Cmd::RunTo(n)) => {
                    allowed = n;
                    if rec.len() < allowed {
                        let _ = status.send(Status::Running);
                        return Gate::Continue;
                    }
                    let _ = status.send(Status::Paused);
                }
                Ok(Cmd::Collect) => return Gate::Collect,
                Ok(Cmd::Abort) | Err(_) => return Gate::Abort,
            }
        }
    })
}

/// How a synchronous recording ended.
pub struct Recorded {
    pub recording: Recording,
    pub status: Status,
}

/// Runs a program file to its end (or its step limit) while recording it.
pub fn record_file(bytes: &[u8], filename: &str, opts: &SessionOptions) -> Recorded {
    let rec = Recording::default();
    let engine_rec = rec.clone();
    let (bytes, filename, opts) = (bytes.to_vec(), filename.to_string(), opts.clone());
    let worker = std::thread::Builder::new()
        .name("refscope-record".into())
        .stack_size(ENGINE_STACK)
        .spawn(move || run_recorded(&bytes, &filename, &opts, &engine_rec, None));
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(s)) => s,
        _ => Status::Finished {
            exit_code: INTERNAL_ERROR,
        },
    };
    Recorded {
        recording: rec,
        status,
    }
}

/// Parses, compiles and runs a program on this thread, recording every step.
fn run_recorded(
    bytes: &[u8],
    filename: &str,
    opts: &SessionOptions,
    rec: &Recording,
    gate: Option<GateFn>,
) -> Status {
    let fail = |text: String| {
        rec.lock().output.push_str(&text);
        Status::Finished { exit_code: 1 }
    };
    let parsed = match parse_file(bytes, filename) {
        Ok(p) => p,
        Err(e) => return fail(e.render()),
    };
    let source = parsed.lines.source().to_string();
    let mode = if opts.repl_mode {
        Mode::Repl
    } else {
        Mode::File
    };
    let codes = match compile_module(&parsed.module, &source, filename, mode) {
        Ok(c) => c,
        Err(e) => return fail(render_compile_error(&e, filename, &source)),
    };
    let warnings = crate::compiler::syntax_warnings(&parsed.module, &source);
    let warnings = crate::compiler::render_warnings(&warnings, filename, &source);
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut argv = vec![filename.to_string()];
        argv.extend(opts.args.iter().cloned());
        let mut vm = Vm::new(
            Box::new(RecordedOutput(rec.clone())),
            Options {
                argv,
                max_heap: opts.max_heap,
                check_ledger: false,
            },
        );
        if !warnings.is_empty() {
            vm.out.write_err(&warnings);
        }
        let mut tracer = Tracer::new(rec.clone(), opts.max_steps.min(u32::MAX as u64) as usize);
        tracer.gate = gate;
        vm.start_recording(tracer);
        vm.create_main(filename, &source);
        let outcome = vm.run_program(&codes);
        if let Some(t) = vm.tracer.as_mut() {
            t.gate = None;
        }
        vm.finish_recording();
        vm.stop_recording();
        vm.finalize_main();
        outcome.exit_code
    }));
    match run {
        Ok(exit_code) => Status::Finished { exit_code },
        Err(payload) => {
            if payload.is::<Aborted>() {
                Status::LimitReached("stopped".to_string())
            } else if let Some(StepLimit(n)) = payload.downcast_ref::<StepLimit>() {
                let msg = format!(
                    "refscope: stopped after {n} steps (the step limit; raise it with --max-steps)"
                );
                rec.lock().output.push_str(&format!("{msg}\n"));
                Status::LimitReached(msg)
            } else {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                rec.lock().output.push_str(&format!(
                    "refscope: internal error (this is a bug in refscope, please report it): {msg}\n"
                ));
                Status::Finished {
                    exit_code: INTERNAL_ERROR,
                }
            }
        }
    }
}
