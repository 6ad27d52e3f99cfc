/* tokenbench report charts: draws every tb-chart figure from its JSON spec with uPlot,
   then records what it drew in the hidden #tb-check element for the headless-browser test. */
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });

  // 1-2-5 steps only: no 2.5 (187.5, 62.50 ...)
  var INCRS = [];
  for (var e = -6; e <= 12; e++) {
    [1, 2, 5].forEach(function (m) { INCRS.push(Number((m * Math.pow(10, e)).toPrecision(1))); });
  }

  function num(v) {
    if (v == null || isNaN(v)) return '\u2013';
    var a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 1e6) return trim((v / 1e6).toPrecision(3)) + 'M';
    if (a >= 1e4) return trim((v / 1e3).toPrecision(3)) + 'k';
    if (a >= 100) return String(Math.round(v));
    return trim(v.toPrecision(3));
  }
  function trim(s) { return s.indexOf('.') < 0 ? s : s.replace(/0+$/, '').replace(/\.$/, ''); }
  function tick(v) {
    // tick values are 1-2-5 multiples: print them exactly
    if (v === 0) return '0';
    var a = Math.abs(v);
    if (a >= 1e6) return trim(String(Number((v / 1e6).toPrecision(6)))) + 'M';
    if (a >= 1e4) return trim(String(Number((v / 1e3).toPrecision(6)))) + 'k';
    return String(Number(v.toPrecision(6)));
  }
  function pctLabel(x) {
    var d = Math.round(Math.log10(x));
    if (d <= 0) return '0%';
    if (d === 1) return '90%';
    if (d === 2) return '99%';
    return '99.' + '9'.repeat(d - 2) + '%';
  }
  function fit(self, values, axisIdx, cycleNum) {
    var axis = self.axes[axisIdx];
    if (cycleNum > 1) return axis._size;
    var size = axis.ticks.size + axis.gap;
    var longest = (values || []).reduce(function (acc, v) { return v.length > acc.length ? v : acc; }, '');
    if (longest !== '') {
      self.ctx.font = axis.font[0];
      size += self.ctx.measureText(longest).width / (window.devicePixelRatio || 1);
    }
    return Math.ceil(size) + 6;
  }
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  function draw(fig) {
    var spec = JSON.parse(fig.querySelector('script').textContent);
    var holder = document.createElement('div');
    fig.insertBefore(holder, fig.querySelector('figcaption'));
    var width = Math.max(320, Math.floor(fig.getBoundingClientRect().width) - 2);
    var x = spec.x, y = spec.y;
    var logX = x.kind === 'percentile' || x.kind === 'log';
    var data = [spec.xs];
    var series = [{ label: x.title, value: function (u, v) {
      return v == null ? '\u2013' : (x.kind === 'percentile' ? 'p' + trim((100 * (1 - 1 / v)).toPrecision(6)) : num(v) + (x.unit ? ' ' + x.unit : ''));
    } }];
    var points = 0;
    var longest = spec.series.reduce(function (m, s) {
      return Math.max(m, s.ys.filter(function (v) { return v != null; }).length);
    }, 0);
    spec.series.forEach(function (s) {
      data.push(s.ys);
      s.ys.forEach(function (v) { if (v != null) points++; });
      var o = {
        label: s.label, stroke: s.color, width: s.width || 1.5,
        value: function (u, v) { return v == null ? '\u2013' : num(v) + (y.unit ? ' ' + y.unit : ''); }
      };
      if (s.dash) o.dash = [6, 4];
      if (s.style === 'bars') {
        o.paths = uPlot.paths.bars({ size: [0.92, 80], align: 0 });
        o.fill = rgba(s.color, 0.55); o.width = 1; o.points = { show: false };
      } else if (s.style === 'points') {
        o.paths = function () { return null; };
        o.points = { show: true, size: 4, stroke: s.color, fill: rgba(s.color, 0.5) };
      } else {
        o.points = { show: longest <= 12, size: 5, fill: s.color };
        o.spanGaps = true;
      }
      series.push(o);
    });
    var ymark = (spec.hlines || []).reduce(function (m, h) { return Math.max(m, h.y); }, -Infinity);
    var opts = {
      width: width, height: spec.height || 260,
      title: spec.title,
      padding: [12, 28, 4, 4],
      cursor: spec.sync ? { sync: { key: spec.sync } } : {},
      scales: {
        x: logX ? { time: false, distr: 3, log: 10 } : { time: false },
        y: y.log ? { distr: 3, log: 10 } : { range: function (u, min, max) {
          var lo = y.zero === false ? Math.min(min, 0) : 0;
          var hi = Math.max(max, ymark > -Infinity ? ymark : max);
          if (!(hi > lo)) hi = lo + 1;
          var r = uPlot.rangeNum(lo, hi, 0.1, true);
          if (y.zero !== false || min >= 0) r[0] = Math.max(0, r[0]);
          return r;
        } }
      },
      axes: [
        {
          label: x.title, labelSize: 20, size: 36,
          incrs: logX ? undefined : INCRS,
          splits: logX ? function (u) {
            var out = [], max = u.scales.x.max;
            for (var p = 1; p <= max * 1.0001; p *= 10) out.push(p);
            return out;
          } : undefined,
          values: function (u, vals) {
            var out = vals.map(function (v) { return v == null ? '' : (x.kind === 'percentile' ? pctLabel(v) : tick(v)); });
            fig.setAttribute('data-xticks', out.join('|')); return out;
          },
          grid: { stroke: '#eceff3' }, ticks: { stroke: '#d5d9e0' }
        },
        {
          label: y.title, labelSize: 22, size: fit,
          incrs: y.log ? undefined : INCRS,
          values: function (u, vals) {
            var out = vals.map(function (v) { return v == null ? '' : tick(v); });
            fig.setAttribute('data-yticks', out.join('|')); return out;
          },
          grid: { stroke: '#eceff3' }, ticks: { stroke: '#d5d9e0' }
        }
      ],
      series: series,
      bands: (spec.bands || []).map(function (b) { return { series: [b.upper, b.lower], fill: b.fill }; }),
      hooks: {
        drawClear: [function (u) {
          (spec.shade || []).forEach(function (s) {
            var x0 = u.valToPos(s.from, 'x', true), x1 = u.valToPos(s.to, 'x', true);
            var l = Math.max(u.bbox.left, Math.min(x0, x1)), r = Math.min(u.bbox.left + u.bbox.width, Math.max(x0, x1));
            if (r <= l) return;
            u.ctx.save();
            u.ctx.fillStyle = 'rgba(120,130,150,0.13)';
            u.ctx.fillRect(l, u.bbox.top, r - l, u.bbox.height);
            u.ctx.fillStyle = '#5b6472';
            u.ctx.font = (11 * devicePixelRatio) + 'px system-ui,sans-serif';
            u.ctx.fillText(s.label, l + 4 * devicePixelRatio, u.bbox.top + 13 * devicePixelRatio);
            u.ctx.restore();
          });
        }],
        draw: [function (u) {
          (spec.vlines || []).forEach(function (v) {
            var px = u.valToPos(v.x, 'x', true);
            u.ctx.save();
            u.ctx.strokeStyle = v.color; u.ctx.lineWidth = 1.5 * devicePixelRatio;
            u.ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
            u.ctx.beginPath(); u.ctx.moveTo(px, u.bbox.top); u.ctx.lineTo(px, u.bbox.top + u.bbox.height); u.ctx.stroke();
            u.ctx.fillStyle = v.color;
            u.ctx.font = (11 * devicePixelRatio) + 'px system-ui,sans-serif';
            u.ctx.fillText(v.label, px + 4 * devicePixelRatio, u.bbox.top + 13 * devicePixelRatio);
            u.ctx.restore();
          });
          (spec.hlines || []).forEach(function (h) {
            var py = u.valToPos(h.y, 'y', true);
            u.ctx.save();
            u.ctx.strokeStyle = h.color; u.ctx.lineWidth = 1.5 * devicePixelRatio;
            u.ctx.setLineDash([8 * devicePixelRatio, 4 * devicePixelRatio]);
            u.ctx.beginPath(); u.ctx.moveTo(u.bbox.left, py); u.ctx.lineTo(u.bbox.left + u.bbox.width, py); u.ctx.stroke();
            u.ctx.fillStyle = h.color;
            u.ctx.font = (11 * devicePixelRatio) + 'px system-ui,sans-serif';
            u.ctx.textAlign = 'right';
            u.ctx.fillText(h.label, u.bbox.left + u.bbox.width - 4 * devicePixelRatio, py - 4 * devicePixelRatio);
            u.ctx.restore();
          });
        }]
      }
    };
    var plot = new uPlot(opts, data, holder);
    fig.setAttribute('data-points', String(points));
    return function () {
      var canvas = holder.querySelector('canvas');
      if (points > 0 && canvas && canvas.width > 0 && plot.bbox.width > 0 && fig.getAttribute('data-yticks')) {
        fig.setAttribute('data-drawn', '1');
      }
    };
  }

  function run() {
    var figs = document.querySelectorAll('figure.tb-chart');
    var checks = [];
    figs.forEach(function (f) {
      try { checks.push(draw(f)); } catch (e) { errors.push('chart ' + (f.getAttribute('aria-label') || '?') + ': ' + e.message); }
    });
    // uPlot paints in a microtask: check after it
    Promise.resolve().then(function () { finish(figs, checks); });
  }
  function finish(figs, checks) {
    checks.forEach(function (c) { c(); });
    var drawn = 0;
    figs.forEach(function (f) { if (f.getAttribute('data-drawn') === '1') drawn++; });
    var expected = parseInt(document.body.getAttribute('data-expected-charts'), 10);
    var el = document.getElementById('tb-check');
    el.setAttribute('data-expected', String(expected));
    el.setAttribute('data-found', String(figs.length));
    el.setAttribute('data-drawn', String(drawn));
    el.setAttribute('data-errors', errors.join(' | '));
    el.setAttribute('data-status', errors.length === 0 && drawn === expected && figs.length === expected ? 'ok' : 'fail');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
})();
