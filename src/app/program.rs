//! The running program: its `Session`, the cursor over the recording, the snapshot shown,
//! and the pending goal (step over, continue...) that the engine is asked to reach in
//! bounded slices, so the UI never blocks. The view of a step of a large heap is computed
//! on a worker thread while the window keeps drawing the previous one.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::analysis::{DominatorTree, HeapGraph, Reach};
use crate::record::{
    Event, HeapSummary, MemProfileReport, ObjKey, Recording, Session, SessionOptions, Snapshot,
    Status, ViewLimits,
};

/// Past this many objects the shown snapshot is not analysed (retained sizes, cycles):
/// the dominator tree of a huge heap would take longer than a frame should.
pub const MAX_ANALYSED: usize = 200_000;

/// The program's live objects grouped by the line of the program that created them, at
/// one step (tracemalloc's "statistics by lineno", from the model).
#[derive(Debug, Clone, PartialEq)]
pub struct LineMemory {
    pub line: u32,
    pub bytes: u64,
    pub count: usize,
}

/// The whole-heap answers about the shown snapshot, computed once per step.
pub struct Analyzed {
    pub doms: DominatorTree,
    pub reach: HashMap<ObjKey, Reach>,
    /// Each object on a cycle → the number of objects on that cycle.
    pub cycle_len: HashMap<ObjKey, usize>,
}

/// References of one holder that a view shows at most.
pub const VIEW_REFS: usize = 2_000;

/// What the app asks of a step's heap: every object up to `MAX_ANALYSED` of them (the
/// inspector's analyses need them all); past that, a summary by type and the twenty
/// thousand objects the roots reach first (a step of a heap of 2*10**6 objects took a
/// second to show whole).
pub const VIEW: ViewLimits = ViewLimits {
    max_refs_per_holder: VIEW_REFS,
    max_objects: MAX_ANALYSED,
    summarized_objects: 20_000,
};

/// Past this many objects in the view shown, the next view is computed on a worker
/// thread (a summarized step took 0.15-0.2 s); smaller heaps are computed at once, in
/// the frame that needs them.
pub const ASYNC_OBJECTS: usize = 50_000;

/// What the worker sends, in this order: the view (the snapshot and the summary of a
/// large heap), then the step's memory by line (a pass over every object, slower).
enum Done {
    View(Box<Viewed>),
    Lines(Vec<LineMemory>),
}

struct Viewed {
    snapshot: Snapshot,
    summary: Option<HeapSummary>,
    reads: StepReads,
}

/// What the panels read of the recording about the step shown, read by the worker with
/// the view: the window's frames then never wait for the worker's hold on the recording.
struct StepReads {
    freed: Vec<ObjKey>,
    events: Vec<Event>,
    live_profile: Option<MemProfileReport>,
    profiles: Vec<MemProfileReport>,
    console: String,
}

impl StepReads {
    /// `whole_output`: the console shows all the output (the step is the last one of a
    /// finished program).
    fn of(rec: &Recording, step: usize, whole_output: bool) -> StepReads {
        StepReads {
            freed: match step {
                0 => Vec::new(),
                s => rec.freed(s - 1),
            },
            events: events_into(rec, step),
            live_profile: rec.live_mem_profile(step),
            profiles: rec.mem_profiles(step),
            console: console_text(rec, step, whole_output),
        }
    }
}

/// The work asked of the worker: the step and focus of the view, and what arrives.
struct Pending {
    step: usize,
    focus: Option<ObjKey>,
    result: Receiver<Done>,
}

/// How many steps the engine may run ahead per request.
const SLICE: usize = 2_000;

/// Where the cursor should go next; checked every frame against the recorded steps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// The next step of any kind.
    Into,
    /// The next line at this depth or shallower.
    Over(u32),
    /// The first step shallower than this depth.
    Out(u32),
    /// A breakpoint line, or the end.
    Continue,
    /// The first step at this line.
    Line(u32),
    /// A given step (waits for the engine to record it).
    Step(usize),
}

pub struct Program {
    pub source: String,
    pub filename: String,
    pub session: Session,
    pub cursor: usize,
    pub goal: Option<Goal>,
    snapshot: Option<(usize, Snapshot)>,
    /// The whole heap summed up, when the snapshot shows part of it, and the focus that
    /// part was chosen around.
    summary: Option<HeapSummary>,
    summary_focus: Option<ObjKey>,
    /// The object the user looks at (the app's selection): a summarized view holds it
    /// and its neighbours.
    pub focus: Option<ObjKey>,
    analysis: Option<(usize, Rc<Analyzed>)>,
    by_line: Option<(usize, Rc<Vec<LineMemory>>)>,
    /// The profiled call running at the cursor, as far as it has run (its table is
    /// rebuilt from its steps, once per cursor position).
    live_profile: Option<(usize, Option<Rc<MemProfileReport>>)>,
    freed: Cached<usize, Vec<ObjKey>>,
    /// The changes that led to the shown step.
    events: Cached<usize, Vec<Event>>,
    /// (heap bytes, a collection started here) per recorded step, for the timeline.
    pub memory: Vec<(u64, bool)>,
    /// The timeline's plot of `memory`, kept up to date as it grows.
    pub series: super::timeline::Series,
    /// The last search that found nothing: its goal, cursor and breakpoints, and the
    /// first step it did not look at.
    scanned: Option<(Goal, usize, BTreeSet<u32>, usize)>,
    pending: Option<Pending>,
    /// Views that arrived after the cursor or the focus had moved on, dropped unseen.
    pub stale_views: usize,
    /// The objects live at the latest step recorded, as the last `tick` read them (asking
    /// the recording while the worker computes a view would wait for it).
    tip_objects: usize,
    /// The console's text at the cursor, for (cursor, steps recorded, finished).
    console: Cached<(usize, usize, bool), String>,
    /// memory_profiler's reports finished by the cursor, for (cursor, steps recorded).
    profiles: Cached<(usize, usize), Vec<MemProfileReport>>,
}

/// A value computed for a key, kept while the key stays the same.
type Cached<K, T> = Option<(K, Rc<T>)>;

/// The value `cache` keeps for `key`, or `compute`'s, then kept for it.
fn cached<K: PartialEq, T>(cache: &mut Cached<K, T>, key: K, compute: impl FnOnce() -> T) -> Rc<T> {
    match cache {
        Some((k, v)) if *k == key => v.clone(),
        _ => {
            let v = Rc::new(compute());
            *cache = Some((key, v.clone()));
            v
        }
    }
}

impl Program {
    pub fn start(source: String, filename: String) -> Program {
        let session = Session::start(source.clone(), filename.clone(), SessionOptions::default());
        Program {
            source,
            filename,
            session,
            cursor: 0,
            goal: None,
            snapshot: None,
            summary: None,
            summary_focus: None,
            focus: None,
            analysis: None,
            by_line: None,
            live_profile: None,
            freed: None,
            events: None,
            memory: Vec::new(),
            series: Default::default(),
            scanned: None,
            pending: None,
            stale_views: 0,
            tip_objects: 0,
            console: None,
            profiles: None,
        }
    }

    /// The steps recorded, as the last `tick` took them in (reading the recording while
    /// a view is computed would wait for it).
    pub fn len(&self) -> usize {
        self.memory.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn finished(&self) -> bool {
        !matches!(self.session.status(), Status::Running | Status::Paused)
    }

    /// Takes in the engine's progress and moves the cursor toward the goal. Returns true
    /// while the engine still works for us (the caller asks for another frame).
    pub fn tick(&mut self, breakpoints: &BTreeSet<u32>) -> bool {
        self.session.pump();
        self.extend_memory();
        if let Some(goal) = self.goal {
            let len = self.len();
            if let Some(i) = self.find(goal, breakpoints) {
                self.cursor = i;
                self.goal = None;
            } else if self.finished() {
                self.cursor = len.saturating_sub(1);
                self.goal = None;
            } else if matches!(self.session.status(), Status::Paused) {
                let want = match goal {
                    Goal::Step(n) => n + 1,
                    _ => len + SLICE,
                };
                self.session.run_to(want.max(len + 1));
            }
        }
        if self.goal.is_some() && self.finished() {
            self.cursor = self.len().saturating_sub(1);
            self.goal = None;
        }
        self.goal.is_some() || matches!(self.session.status(), Status::Running)
    }

    /// The first recorded step after the cursor that meets the goal.
    fn find(&mut self, goal: Goal, breakpoints: &BTreeSet<u32>) -> Option<usize> {
        let rec = self.session.recording();
        let len = rec.len();
        if let Goal::Step(n) = goal {
            return (n < len).then_some(n);
        }
        // Steps already looked at for this goal from this cursor (with these breakpoints)
        // are not looked at again: running toward a breakpoint through a million steps
        // stays cheap per frame.
        let from = match &self.scanned {
            Some((g, c, b, upto)) if *g == goal && *c == self.cursor && b == breakpoints => *upto,
            _ => self.cursor + 1,
        };
        let found = rec.find_step(from, |s| {
            let end = s.is_end;
            match goal {
                Goal::Into => true,
                Goal::Over(d) => end || (s.is_line && s.depth <= d) || s.depth < d,
                Goal::Out(d) => end || s.depth < d,
                Goal::Continue => end || (s.is_line && breakpoints.contains(&s.line)),
                Goal::Line(l) => end || (s.is_line && s.line == l),
                Goal::Step(_) => false,
            }
        });
        self.scanned = found
            .is_none()
            .then(|| (goal, self.cursor, breakpoints.clone(), len.max(from)));
        found
    }

    fn extend_memory(&mut self) {
        let rec = self.session.recording();
        let more = rec.heap_sizes_since(self.memory.len());
        self.tip_objects = rec.tip_objects();
        self.memory.extend(more);
        self.series.extend(&self.memory);
    }

    /// The snapshot at the cursor (computed once per cursor position), as `VIEW` bounds
    /// it: a container's references past the first `VIEW_REFS` are left out, so that a
    /// list of 10**7 items (the seed's memory_profiler example) does not stall the
    /// window, and a heap past `MAX_ANALYSED` objects is summed up (then the view is
    /// computed again when the focus changes, to hold its neighbourhood). Computed here
    /// and now, whatever the heap's size (a view on its way from the worker is dropped);
    /// the window's frames use `update_view` and `request_view`.
    pub fn snapshot(&mut self) -> Option<&Snapshot> {
        if !self.fresh()? {
            self.pending = None;
            let (s, summary) =
                self.session
                    .recording()
                    .state_at_view(self.cursor, VIEW, self.focus);
            self.summary_focus = self.focus;
            self.summary = summary;
            self.snapshot = Some((self.cursor, s));
        }
        self.snapshot.as_ref().map(|(_, s)| s)
    }

    /// Whether the snapshot shown is the one at the cursor (and around the focus, for a
    /// summarized heap); None before the first step.
    fn fresh(&mut self) -> Option<bool> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        self.cursor = self.cursor.min(len - 1);
        Some(
            matches!(&self.snapshot, Some((i, _)) if *i == self.cursor)
                && (self.summary.is_none() || self.summary_focus == self.focus),
        )
    }

    /// Whether the view shown is of a large heap (summarized, or past `ASYNC_OBJECTS`):
    /// then the next view is computed on the worker (a step changes a heap by a few
    /// objects, so the next is large too).
    pub fn is_large(&self) -> bool {
        self.summary.is_some()
            || self
                .snapshot
                .as_ref()
                .is_some_and(|(_, s)| s.objects.len() > ASYNC_OBJECTS)
    }

    /// Whether the cursor's view is computed on the worker: the view shown is of a large
    /// heap, or the latest state recorded is (a jump from a small heap to the end of a
    /// large program computed its first large view in one frame, 0.2–0.5 s).
    fn view_on_worker(&self) -> bool {
        self.is_large() || self.tip_objects > ASYNC_OBJECTS
    }

    /// At the start of a frame: takes in the worker's view if it arrived (dropping it if
    /// the cursor or the focus moved on meanwhile), and computes the view at the cursor
    /// at once if the heap is small. The snapshot shown is then `shown()`: the cursor's,
    /// or the previous one while `pending_step()` says which is being computed.
    pub fn update_view(&mut self) {
        self.poll_view();
        if self.fresh() == Some(false) && !self.view_on_worker() {
            self.snapshot();
        }
    }

    /// Takes in what the worker sent meanwhile.
    pub fn poll_view(&mut self) {
        while let Some(p) = &self.pending {
            match p.result.try_recv() {
                Ok(done) => self.take(done),
                Err(TryRecvError::Empty) => break,
                // The worker is done (or ended early: the next frame asks again).
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
        }
    }

    /// Shows the worker's view, unless the cursor or the focus moved on meanwhile (then
    /// its lines are not waited for), and then its memory by line.
    fn take(&mut self, done: Done) {
        let Some(p) = &self.pending else {
            return;
        };
        let step = p.step;
        match done {
            Done::View(viewed) => {
                let Viewed {
                    snapshot,
                    summary,
                    reads,
                } = *viewed;
                if step == self.cursor && p.focus == self.focus {
                    self.summary_focus = p.focus;
                    self.summary = summary;
                    self.snapshot = Some((step, snapshot));
                    let len = self.len();
                    self.freed = Some((step, Rc::new(reads.freed)));
                    self.events = Some((step, Rc::new(reads.events)));
                    self.live_profile = Some((step, reads.live_profile.map(Rc::new)));
                    self.profiles = Some(((step, len), Rc::new(reads.profiles)));
                    let console = Rc::new(reads.console);
                    self.console = Some(((step, len, self.finished()), console));
                } else {
                    self.stale_views += 1;
                    self.pending = None;
                }
            }
            Done::Lines(rows) => {
                self.pending = None;
                self.by_line = Some((step, Rc::new(rows)));
            }
        }
    }

    /// At the end of a frame (after the panels read the recording): starts computing
    /// the view at the cursor on a worker, unless it is shown or on its way.
    pub fn request_view(&mut self) {
        if self.fresh() != Some(false) || !self.view_on_worker() {
            return;
        }
        let (step, focus) = (self.cursor, self.focus);
        if self
            .pending
            .as_ref()
            .is_some_and(|p| p.step == step && p.focus == focus)
        {
            return;
        }
        if self.pending.is_some() {
            // Still computing a view the cursor left: its result is dropped when it
            // arrives, and the cursor's view asked for then (one worker at a time, as
            // they would only wait for each other's hold on the recording).
            return;
        }
        let (tx, result) = channel();
        let rec = self.session.recording().clone();
        let file = self.filename.clone();
        // A step's table does not depend on the focus: kept when only the selection moved.
        let lines = self.by_line.as_ref().is_none_or(|(at, _)| *at != step);
        let whole_output = step + 1 >= self.len() && self.finished();
        let spawned = std::thread::Builder::new()
            .name("refscope-view".into())
            .spawn(move || {
                let (snapshot, summary) = rec.state_at_view(step, VIEW, focus);
                let reads = StepReads::of(&rec, step, whole_output);
                let objects = (lines && summary.is_none()).then(|| own_objects(&snapshot));
                let viewed = tx.send(Done::View(Box::new(Viewed {
                    snapshot,
                    summary,
                    reads,
                })));
                if lines && viewed.is_ok() {
                    let _ = tx.send(Done::Lines(lines_of(&rec, step, objects, &file)));
                }
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(Pending {
                    step,
                    focus,
                    result,
                })
            }
            // No thread to be had: compute it here.
            Err(_) => {
                self.snapshot();
            }
        }
    }

    /// The step whose view the worker computes, while it does.
    pub fn pending_step(&self) -> Option<usize> {
        self.pending.as_ref().map(|p| p.step)
    }

    /// The cursor's step while the snapshot shown is not its view (the worker computes
    /// it, or is about to).
    pub fn awaited_step(&self) -> Option<usize> {
        let shown = self.snapshot.as_ref().map(|(i, _)| *i);
        let focus_moved = self.summary.is_some() && self.summary_focus != self.focus;
        (shown.is_some_and(|i| i != self.cursor) || focus_moved).then_some(self.cursor)
    }

    /// Blocks until the worker sends something (tests; the window polls instead).
    pub fn wait_view(&mut self) {
        if let Some(p) = &self.pending {
            match p.result.recv() {
                Ok(done) => self.take(done),
                Err(_) => self.pending = None,
            }
        }
    }

    /// The summary of the shown step's heap, when it is too large to show whole.
    pub fn summary(&self) -> Option<&HeapSummary> {
        self.summary.as_ref()
    }

    /// Reachability, cycles and retained sizes of the shown snapshot (None before one is
    /// shown, or past `MAX_ANALYSED` objects).
    pub fn analysis(&mut self) -> Option<Rc<Analyzed>> {
        let (step, s) = self.snapshot.as_ref()?;
        if s.objects.len() > MAX_ANALYSED || self.summary.is_some() {
            return None;
        }
        if let Some((at, a)) = &self.analysis
            && at == step
        {
            return Some(a.clone());
        }
        let g = HeapGraph::new(s);
        let reach = g.reachability();
        let mut cycle_len = HashMap::new();
        for c in g.data_cycles(s, &reach) {
            for id in &c {
                cycle_len.insert(*id, c.len());
            }
        }
        let a = Rc::new(Analyzed {
            doms: g.dominators(s),
            reach,
            cycle_len,
        });
        self.analysis = Some((*step, a.clone()));
        Some(a)
    }

    /// The shown step's live objects by the program line that created them, most bytes
    /// first (None before a snapshot is shown). Linear in the heap (a lookup per object),
    /// so computed even for the seed's million-int list, once per step.
    pub fn memory_by_line(&mut self) -> Option<Rc<Vec<LineMemory>>> {
        let (step, s) = self.snapshot.as_ref()?;
        if let Some((at, m)) = &self.by_line
            && at == step
        {
            return Some(m.clone());
        }
        // While the worker computes this step's table, the last one stands for it.
        if self.pending.as_ref().is_some_and(|p| p.step == *step)
            && let Some((_, m)) = &self.by_line
        {
            return Some(m.clone());
        }
        let objects = self.summary.is_none().then(|| own_objects(s));
        let rows = Rc::new(lines_of(
            self.session.recording(),
            *step,
            objects,
            &self.filename,
        ));
        self.by_line = Some((*step, rows.clone()));
        Some(rows)
    }

    /// The step the panels show: the snapshot's (the cursor's, unless the worker is
    /// computing the cursor's view), or the cursor before any. What is read from the
    /// recording per step is read for it, so that no frame waits for the worker's hold
    /// on the recording.
    pub fn shown_step(&self) -> usize {
        self.snapshot.as_ref().map_or(self.cursor, |(i, _)| *i)
    }

    /// memory_profiler's table of the profiled call running at the shown step, if one is.
    pub fn live_profile(&mut self) -> Option<Rc<MemProfileReport>> {
        let step = self.shown_step();
        if let Some((at, p)) = &self.live_profile
            && *at == step
        {
            return p.clone();
        }
        let p = self.session.recording().live_mem_profile(step).map(Rc::new);
        self.live_profile = Some((step, p.clone()));
        p
    }

    /// The snapshot shown: the last one computed (the cursor's, unless `pending_step`).
    pub fn shown(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref().map(|(_, s)| s)
    }

    /// What the console shows: the program's output up to the shown step (all of it at
    /// the end), read once per step and recorded length.
    pub fn console(&mut self) -> Rc<String> {
        let (step, len) = (self.shown_step(), self.len());
        let finished = self.finished();
        let whole = step + 1 >= len && finished;
        let rec = self.session.recording();
        cached(&mut self.console, (step, len, finished), || {
            console_text(rec, step, whole)
        })
    }

    /// memory_profiler's reports of the calls that returned by the shown step.
    pub fn mem_profiles(&mut self) -> Rc<Vec<MemProfileReport>> {
        let key = (self.shown_step(), self.len());
        let rec = self.session.recording();
        cached(&mut self.profiles, key, || rec.mem_profiles(key.0))
    }

    /// The changes that led to the shown step's state (from the step before), a run of
    /// references to one object told for its first `VIEW_REFS` references.
    pub fn events_into_shown(&mut self) -> Rc<Vec<Event>> {
        let step = self.shown_step();
        let rec = self.session.recording();
        cached(&mut self.events, step, || events_into(rec, step))
    }

    /// The objects freed by the step that led to the shown step (drawn fading), computed
    /// once per step.
    pub fn freed_into_shown(&mut self) -> Rc<Vec<ObjKey>> {
        let step = self.shown_step();
        let rec = self.session.recording();
        cached(&mut self.freed, step, || match step {
            0 => Vec::new(),
            c => rec.freed(c - 1),
        })
    }

    /// The first step that shows `id` (the one after the step whose events allocated
    /// it), if recorded.
    pub fn creation_step(&self, id: ObjKey) -> Option<usize> {
        let rec = self.session.recording();
        rec.allocation_step(id)
            .map(|i| i + 1)
            .filter(|i| *i < rec.len())
    }

    pub fn status_text(&self) -> String {
        match self.session.status() {
            Status::Running => "running".into(),
            Status::Paused => "paused".into(),
            Status::Finished { exit_code } if *exit_code < 0 => {
                format!("interrupted (KeyboardInterrupt, signal {})", -exit_code)
            }
            Status::Finished { exit_code } => format!("finished (exit code {exit_code})"),
            Status::LimitReached(why) => format!("stopped: {why}"),
        }
    }

    pub fn current_depth(&self) -> u32 {
        if self.cursor < self.len() {
            self.session.recording().step(self.cursor).depth
        } else {
            1
        }
    }
}

/// The changes that led to step `i`'s state, as `Program::events_into_shown`.
fn events_into(rec: &Recording, i: usize) -> Vec<Event> {
    if i == 0 || i >= rec.len() {
        return Vec::new();
    }
    rec.events_bounded(i - 1, VIEW_REFS)
}

/// The program's output up to step `i`, or all of it (`whole`).
fn console_text(rec: &Recording, i: usize, whole: bool) -> String {
    let out = rec.output();
    let upto = if whole {
        out.len()
    } else {
        rec.step(i).output_len
    };
    let mut end = upto.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out[..end].to_string()
}

/// The program's objects of a snapshot, (id, size) by id.
fn own_objects(s: &Snapshot) -> Vec<(ObjKey, u64)> {
    let own = s.objects.iter().filter(|o| !o.runtime);
    own.map(|o| (o.id, o.size)).collect()
}

/// The live objects of step `i` by the line of `file` that created them, most bytes
/// first: `objects` (those of a whole snapshot), or all the step's (a summarized one).
fn lines_of(
    rec: &Recording,
    i: usize,
    objects: Option<Vec<(ObjKey, u64)>>,
    file: &str,
) -> Vec<LineMemory> {
    let rows = match objects {
        Some(objects) => rec.memory_by_line(objects, file),
        None => rec.memory_by_line_at(i, file),
    };
    let mut rows: Vec<LineMemory> = rows
        .into_iter()
        .map(|(line, bytes, count)| LineMemory { line, bytes, count })
        .collect();
    rows.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.line.cmp(&b.line)));
    rows
}
