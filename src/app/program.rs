//! The running program: its `Session`, the cursor over the recording, the snapshot shown,
//! and the pending goal (step over, continue...) that the engine is asked to reach in
//! bounded slices, so the UI never blocks.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use crate::analysis::{DominatorTree, HeapGraph, Reach};
use crate::record::{
    Event, HeapSummary, MemProfileReport, ObjKey, Session, SessionOptions, Snapshot, Status,
    ViewLimits,
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
    freed: Option<(usize, Rc<Vec<ObjKey>>)>,
    /// (heap bytes, a collection started here) per recorded step, for the timeline.
    pub memory: Vec<(u64, bool)>,
    /// The timeline's plot of `memory`, kept up to date as it grows.
    pub series: super::timeline::Series,
    /// The last search that found nothing: its goal, cursor and breakpoints, and the
    /// first step it did not look at.
    scanned: Option<(Goal, usize, BTreeSet<u32>, usize)>,
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
            memory: Vec::new(),
            series: Default::default(),
            scanned: None,
        }
    }

    pub fn len(&self) -> usize {
        self.session.recording().len()
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
        let more = self.session.recording().heap_sizes_since(self.memory.len());
        self.memory.extend(more);
        self.series.extend(&self.memory);
    }

    /// The snapshot at the cursor (computed once per cursor position), as `VIEW` bounds
    /// it: a container's references past the first `VIEW_REFS` are left out, so that a
    /// list of 10**7 items (the seed's memory_profiler example) does not stall the
    /// window, and a heap past `MAX_ANALYSED` objects is summed up (then the view is
    /// computed again when the focus changes, to hold its neighbourhood).
    pub fn snapshot(&mut self) -> Option<&Snapshot> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        self.cursor = self.cursor.min(len - 1);
        let fresh = matches!(&self.snapshot, Some((i, _)) if *i == self.cursor)
            && (self.summary.is_none() || self.summary_focus == self.focus);
        if !fresh {
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
        let mut cycle_len = HashMap::new();
        for c in g.cycles() {
            for id in &c {
                cycle_len.insert(*id, c.len());
            }
        }
        let a = Rc::new(Analyzed {
            doms: g.dominators(s),
            reach: g.reachability(),
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
        let rec = self.session.recording();
        let rows = if self.summary.is_some() {
            rec.memory_by_line_at(*step, &self.filename)
        } else {
            let objects = s
                .objects
                .iter()
                .filter(|o| !o.runtime)
                .map(|o| (o.id, o.size));
            rec.memory_by_line(objects, &self.filename)
        };
        let mut rows: Vec<LineMemory> = rows
            .into_iter()
            .map(|(line, bytes, count)| LineMemory { line, bytes, count })
            .collect();
        rows.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.line.cmp(&b.line)));
        let rows = Rc::new(rows);
        self.by_line = Some((*step, rows.clone()));
        Some(rows)
    }

    /// memory_profiler's table of the profiled call running at the cursor, if one is.
    pub fn live_profile(&mut self) -> Option<Rc<MemProfileReport>> {
        if let Some((at, p)) = &self.live_profile
            && *at == self.cursor
        {
            return p.clone();
        }
        let p = self
            .session
            .recording()
            .live_mem_profile(self.cursor)
            .map(Rc::new);
        self.live_profile = Some((self.cursor, p.clone()));
        p
    }

    /// The snapshot computed by the last `snapshot()` call.
    pub fn shown(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref().map(|(_, s)| s)
    }

    /// The changes that led to the cursor's state (from the previous step), a run of
    /// references to one object told for its first `VIEW_REFS` references.
    pub fn events_into_cursor(&self) -> Vec<Event> {
        if self.cursor == 0 || self.cursor > self.len() {
            return Vec::new();
        }
        self.session
            .recording()
            .events_bounded(self.cursor - 1, VIEW_REFS)
    }

    /// The objects freed by the step that led to the cursor (drawn fading), computed
    /// once per cursor position.
    pub fn freed_into_cursor(&mut self) -> Rc<Vec<ObjKey>> {
        if let Some((at, f)) = &self.freed
            && *at == self.cursor
        {
            return f.clone();
        }
        let f = Rc::new(match self.cursor {
            0 => Vec::new(),
            c => self.session.recording().freed(c - 1),
        });
        self.freed = Some((self.cursor, f.clone()));
        f
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
