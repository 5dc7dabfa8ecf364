// Draws the report's chart with Chart.js from the JSON the page carries (no extra request).
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent).report;
  var labels = JSON.parse(document.getElementById('report-labels').textContent);
  var canvas = document.getElementById('report-chart');
  var colors = ['#2b6cb0', '#38a169', '#d69e2e', '#805ad5'];
  var config;
  if (data.series) {
    config = {
      type: 'line',
      data: {
        labels: data.series.map(function (b) { return b.period; }),
        datasets: ['created', 'solved', 'public_replies', 'internal_notes'].map(function (key, i) {
          return { label: labels[key], data: data.series.map(function (b) { return b[key]; }), borderColor: colors[i],
                   backgroundColor: colors[i], tension: 0.2 };
        })
      },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    };
  } else {
    config = {
      type: 'bar',
      data: {
        labels: data.rows.map(function (r) { return r.name; }),
        datasets: ['tickets_solved', 'public_replies', 'internal_notes'].map(function (key, i) {
          return { label: labels[key], data: data.rows.map(function (r) { return r[key]; }), backgroundColor: colors[i] };
        })
      },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    };
  }
  new Chart(canvas, config);
})();
