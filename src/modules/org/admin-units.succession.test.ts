import { describe, expect, it } from 'vitest';
import { shippedAdminUnits } from './admin-units.data.js';
import { SuccessionGraph } from './admin-units.succession.js';

const { units, events, notes } = shippedAdminUnits();
const graph = new SuccessionGraph(units, events);
const count = (era: string, tier: string) => units.filter((u) => u.era === era && u.tier === tier).length;
const BEFORE = '2024-06-01';
const AFTER = '2025-08-01';

describe('shipped administrative units', () => {
  it('holds both states of the 2025 reorganisation', () => {
    expect([count('pre2025', 'province'), count('pre2025', 'district'), count('pre2025', 'commune')]).toEqual([63, 696, 10035]);
    expect([count('2025', 'province'), count('2025', 'district'), count('2025', 'commune')]).toEqual([34, 0, 3321]);
  });

  it('keys units by era because official codes are reused', () => {
    expect(graph.findByCode('00004', 'commune', BEFORE)?.fullName).toBe('Phường Trúc Bạch');
    expect(graph.findByCode('00004', 'commune', AFTER)?.fullName).toBe('Phường Ba Đình');
  });

  it('reports how source disagreements were resolved', () => {
    expect(notes.some((n) => n.includes('06970') && n.includes('06978'))).toBe(true);
  });
});

describe('succession across the 2025 merger', () => {
  it('resolves an old commune code to its successor', () => {
    const phucXa = graph.findByCode('00001', 'commune', BEFORE)!;
    expect(graph.successorsOn(phucXa.id, AFTER).map((u) => u.fullName)).toEqual(['Phường Hồng Hà']);
  });

  it('keeps the old unit when asked about a date before the merger', () => {
    const phucXa = graph.findByCode('00001', 'commune', BEFORE)!;
    expect(graph.successorsOn(phucXa.id, BEFORE)).toEqual([phucXa]);
  });

  it('lists every successor of a split commune and picks one for counting', () => {
    const congVi = graph.findByCode('00007', 'commune', BEFORE)!;
    expect(
      graph
        .successorsOn(congVi.id, AFTER)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Giảng Võ', 'Ngọc Hà']);
    expect(graph.primarySuccessorOn(congVi.id, AFTER)?.name).toBe('Ngọc Hà');
  });

  it('resolves a mapping code missing from the 2025 list by name (Ba Chẽ)', () => {
    const baChe = graph.findByCode('06970', 'commune', BEFORE)!;
    expect(graph.successorsOn(baChe.id, AFTER).map((u) => u.code)).toEqual(['06978']);
  });

  it('links island districts without communes to their special zone', () => {
    const conDao = units.find((u) => u.tier === 'district' && u.name === 'Côn Đảo')!;
    expect(graph.successorsOn(conDao.id, AFTER).map((u) => u.fullName)).toEqual(['Đặc khu Côn Đảo']);
  });

  it('rolls an old Quảng Nam commune up into today’s Đà Nẵng', () => {
    const quangNamCommune = units.find((u) => u.era === 'pre2025' && u.tier === 'commune' && u.provinceId === 'pre2025-P49')!;
    expect(graph.rollUp(quangNamCommune.id, 'province', AFTER).map((u) => u.name)).toEqual(['Đà Nẵng']);
    expect(graph.rollUp(quangNamCommune.id, 'province', BEFORE).map((u) => u.name)).toEqual(['Quảng Nam']);
  });

  it('gives every pre-2025 commune and district a successor province', () => {
    const orphans = units.filter((u) => u.era === 'pre2025' && u.tier !== 'province').filter((u) => graph.rollUp(u.id, 'province', AFTER).length !== 1);
    expect(orphans.map((u) => u.fullName)).toEqual([]);
  });

  it('names the predecessors of a merged unit', () => {
    const daNang = graph.findByCode('48', 'province', AFTER)!;
    const provinces = graph.predecessorsOf(daNang.id).filter((u) => u.tier === 'province');
    expect(provinces.map((u) => u.name).sort()).toEqual(['Quảng Nam', 'Đà Nẵng']);
  });
});
