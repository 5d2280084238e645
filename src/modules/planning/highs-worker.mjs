// The HiGHS solves of one plan, in their own thread (issue 15): HiGHS is
// synchronous WebAssembly, so it would block the HTTP thread, and measured at
// 20,000 × 800 it may overrun its own time limit — the parent's watchdog
// terminates this thread. The LP relaxation comes first (its bound, duals and
// values are posted at once), then the MIP on the same parsed model; every
// improving incumbent is posted as found, so a terminated solve still leaves
// its best plan behind. Plain JavaScript: worker threads load it without the
// TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';

const { model: data, mip, timeLimitSeconds, relGap, stopFlag, count } = workerData;
const stop = new Int32Array(stopFlag);
const highs = await loadHighs();
const s = highs.constants.modelStatus;
const statusName = (status) => Object.keys(s).find((k) => s[k] === status) ?? 'unknown';
const withSolution = (status) => [s.optimal, s.timeLimit, s.interrupted, s.iterationLimit, s.solutionLimit].includes(status);
const bound = (values) => values.map((v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v));
const model = highs.createModel({
  numCols: data.numCols,
  numRows: data.numRows,
  sense: highs.constants.objectiveSense.maximize,
  colCost: data.colCost,
  colLower: data.colLower,
  colUpper: data.colUpper,
  rowLower: bound(data.rowLower),
  rowUpper: bound(data.rowUpper),
  matrix: { format: 'csr', numRows: data.numRows, numCols: data.numCols, starts: data.starts, indices: data.indices, values: data.values },
});
try {
  const started = Date.now();
  // Columns 0 … count − 1 are the candidate seats (plan-matrix.ts); row 0 is the budget.
  const chosenOf = (values) => {
    const chosen = [];
    for (let i = 0; i < count; i += 1) if (values[i] > 0.5) chosen.push(i);
    return chosen;
  };

  // The relaxation first: the model is passed without integrality, which is added for the MIP.
  // Presolve helps the relaxation (measured); only the MIP was measured ignoring its time limit with it.
  model.options.set({ output_flag: false, presolve: 'on', time_limit: timeLimitSeconds, solver: 'simplex' });
  model.run();
  const lpStatus = model.getModelStatus();
  const relaxation = lpStatus === s.optimal ? model.getSolution() : null;
  parentPort.postMessage({
    type: 'lp',
    status: statusName(lpStatus),
    objective: relaxation ? model.getObjectiveValue() : null,
    values: relaxation ? relaxation.colValue.slice(0, count) : null,
    budgetDual: relaxation ? relaxation.rowDual[0] : null,
  });

  if (mip && Atomics.load(stop, 0) === 0) {
    // The parent repairs the rounded relaxation into a feasible plan and sends it as the MIP's first incumbent.
    const start = await new Promise((resolve) => parentPort.once('message', resolve));
    if (start?.colValue) model.setSolution({ colValue: start.colValue });
    const left = Math.max(1, timeLimitSeconds - (Date.now() - started) / 1000);
    model.changeColsIntegrality({ kind: 'range', from: 0, to: data.numCols - 1 }, new Int32Array(data.numCols).fill(highs.constants.variableType.integer));
    model.options.set({ presolve: 'off', solver: 'choose', mip_rel_gap: relGap, time_limit: left });
    const t = highs.constants.callbackType;
    let lastLog = 0;
    model.run({
      [t.mipImprovingSolution](event) {
        parentPort.postMessage({
          type: 'incumbent',
          objective: event.data.objective_function_value,
          bound: event.data.mip_dual_bound,
          chosen: chosenOf(event.data.mip_solution),
        });
      },
      [t.mipLogging](event) {
        const now = Date.now();
        if (now - lastLog < 500) return;
        lastLog = now;
        parentPort.postMessage({ type: 'progress', incumbent: event.data.mip_primal_bound, bound: event.data.mip_dual_bound, gap: event.data.mip_gap });
      },
      [t.mipInterrupt](event) {
        if (Atomics.load(stop, 0) === 1) event.interrupt();
      },
    });
    const status = model.getModelStatus();
    const solution = withSolution(status) ? model.getSolution() : null;
    let bound = null;
    try {
      bound = Number(model.info.get('mip_dual_bound'));
    } catch {
      bound = null;
    }
    parentPort.postMessage({
      type: 'mip',
      status: statusName(status),
      objective: solution ? model.getObjectiveValue() : null,
      bound,
      chosen: solution ? chosenOf(solution.colValue) : [],
    });
  }
  parentPort.postMessage({ type: 'done' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
} finally {
  model.dispose();
}
