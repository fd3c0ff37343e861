import { writeFileSync } from 'node:fs';
import { drawStaticChart } from './src/charts/static/draw.ts';
const config = { type: 'line', labels: Array.from({length: 30}, (_, i) => i + 1), xLabel: 'epoch', yLabel: 'loss', numericX: true, series: [
  { label: 'train', data: Array.from({length: 30}, (_, i) => 1 / (i + 1)) },
  { label: 'val', data: Array.from({length: 30}, (_, i) => 1.2 / (i + 1) + 0.05), dashed: true } ] };
const bar = { type: 'bar', labels: ['a','b','c'], yLabel: 'F1', unit: '%', series: [{label:'model', data:[80, 70, 60]}, {label:'baseline', data:[50,40,30], dashed: true}] };
const big = { type: 'line', labels: Array.from({length: 1000}, (_, i) => i + 1), numericX: true, series: [
  { label: 'train', data: Array.from({length: 1000}, (_, i) => Math.sin(i/30) + Math.random()*0.1) } ] };
let t = performance.now();
const a = drawStaticChart(config as any); console.log('first', performance.now() - t);
t = performance.now(); const b = drawStaticChart(bar as any); console.log('bar', performance.now() - t);
t = performance.now(); const c = drawStaticChart(big as any); console.log('big', performance.now() - t);
t = performance.now(); for (let i=0;i<20;i++) drawStaticChart(config as any); console.log('20 line', performance.now() - t);
const css = `<style>body{font-family:system-ui;--c1:#0072b2;--c2:#b87f00} .f1{fill:var(--c1)} .f2{fill:var(--c2)} .s1{stroke:var(--c1)} .s2{stroke:var(--c2)} .ft,.fm{fill:#333} .sb{stroke:#ddd} .fg{fill:white} svg{display:block;width:638px;border:1px solid red}</style>`;
writeFileSync('/tmp/s21/t.html', `<!doctype html><html><body>${css}${a.wide}${a.narrow}${b.wide}${b.narrow}${c.wide}</body></html>`);
console.log(a.wide.length, a.narrow.length, b.wide.length, c.wide.length);
console.log(a.wide.slice(0, 2500));
