/**
 * A generated agency for the benchmark and the larger tests: people with gap
 * profiles over 30 competencies in 10 units, sessions raising one to three
 * competencies, a tenth of them classes to open. Seeded, so a size always
 * gives the same instance.
 */
import { buildPlanInstance, type PlanInstance, type PlanPersonInput, type PlanSession } from './plan-instance.js';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPETENCIES = 30;

export function generatedAgency(people: number, sessions: number, seed = 15): PlanInstance {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const persons: PlanPersonInput[] = Array.from({ length: people }, (_, i) => {
    const standings = Array.from({ length: 8 }, () => int(0, COMPETENCIES - 1))
      .filter((k, j, all) => all.indexOf(k) === j)
      .map((k) => {
        const assessed = int(1, 3);
        return { competency: `K${k}`, assessedLevel: assessed, requiredLevel: Math.min(5, assessed + int(0, 2)), criticality: int(1, 3) };
      });
    return { id: `P${i}`, unitId: `U${i % 10}`, positionId: `POS${i % 25}`, hoursLimit: int(40, 80), weight: i % 7 === 0 ? 1.5 : 1, standings };
  });
  const offered: PlanSession[] = Array.from({ length: sessions }, (_, j) => {
    const from = int(1, 3);
    const competencies = Array.from({ length: int(1, 3) }, () => int(0, COMPETENCIES - 1))
      .filter((k, i, all) => all.indexOf(k) === i)
      .map((k) => ({ competency: `K${k}`, fromLevel: from, toLevel: from + int(1, 2) }));
    return {
      id: `S${j}`,
      courseId: `C${j}`,
      costPerSeat: int(2, 20) * 250_000,
      hours: int(1, 5) * 8,
      seats: int(15, 40),
      opening: j % 10 === 9 ? { cost: int(5, 20) * 1_000_000, minClass: 10 } : null,
      competencies,
    };
  });
  const weights = Object.fromEntries(Array.from({ length: COMPETENCIES }, (_, k) => [`K${k}`, k < 10 ? 1.5 : 1]));
  return buildPlanInstance(persons, offered, { budget: people * 1_500_000, competencyWeights: weights });
}
