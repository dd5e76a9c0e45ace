/* Signpost: the charges estimator. The arithmetic is the same as `signpost estimate` (Sources/Guides/Charging/
 * ChargeEstimate.swift), step for step, with the words and figures the page carries from charging.yml; both are
 * tested against one table of cases. Money is whole pence throughout, never fractions of a pound.
 * Without JavaScript the page shows a worksheet with the same steps instead. */
(function () {
  'use strict';

  var Estimator = {};

  // "312.40", "£312.40", "23,250", "1,250.50", "5" → pence; null for anything else, as Money(pounds:). A comma is
  // taken only between thousands, so "230,25" (pence after a comma) is refused rather than read as £23,025.
  Estimator.parsePounds = function (text) {
    var cleaned = String(text).trim().replace(/^£/, '');
    var match = /^(\d{1,12}|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(cleaned);
    if (!match) return null;
    var whole = match[1].replace(/,/g, '');
    if (whole.length > 12) return null;
    var pence = parseInt(whole, 10) * 100;
    if (match[2]) pence += parseInt(match[2], 10) * (match[2].length === 1 ? 10 : 1);
    return pence <= 1e12 ? pence : null;
  };

  function grouped(pounds) {
    return String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // £23,250 (pence only when there are some), as Money.description.
  Estimator.describe = function (pence) {
    var rest = pence % 100;
    return '£' + grouped((pence - rest) / 100) + (rest === 0 ? '' : '.' + (rest < 10 ? '0' : '') + rest);
  };

  // £312.40, £0.00, as Money.withPence.
  Estimator.withPence = function (pence) {
    var rest = pence % 100;
    return '£' + grouped((pence - rest) / 100) + '.' + (rest < 10 ? '0' : '') + rest;
  };

  function label(policy, id, amount, values) {
    var text = policy.labels[id] || id;
    values = values || {};
    values.amount = values.amount || Estimator.withPence(amount);
    Object.keys(values).forEach(function (name) { text = text.split('{' + name + '}').join(values[name]); });
    return {id: id, label: text, amount: amount};
  }

  function find(list, key, value) {
    for (var i = 0; i < list.length; i++) if (list[i][key] === value) return list[i];
    return null;
  }

  // request: {break, amount, incomes: {kind: pence}, savings: pence, disabilityCosts: pence or null, age, circumstance}
  Estimator.estimate = function (policy, request) {
    var chosen = find(policy.breaks, 'kind', request.break);
    if (!chosen) return {problem: 'Choose a kind of break.'};
    if (!(request.amount >= 1 && request.amount <= chosen.most)) return {problem: 'Give a whole number from 1 to ' + chosen.most + '.'};
    var circumstance = request.circumstance || policy.circumstances[0];
    var age = request.age === null || request.age === undefined ? policy.default_age : request.age;
    var guarantee = null;
    policy.guarantee.forEach(function (row) {
      if (guarantee === null && row.circumstance === circumstance && age >= row.from_age && (row.to_age === undefined || age <= row.to_age)) guarantee = row.weekly;
    });
    if (guarantee === null) return {problem: 'The estimator has no amount to live on for age ' + age + '.'};
    var steps = [];
    var cost = chosen.cost * request.amount;
    var unitWords = request.amount === 1 ? '1 ' + chosen.unit : request.amount + ' ' + chosen.unit + 's';
    steps.push(label(policy, 'cost', cost, {count: unitWords, price: Estimator.withPence(chosen.cost)}));
    function finish(charge) {
      steps.push(label(policy, 'charge', charge));
      return {charge: charge, steps: steps};
    }
    if (chosen.free_because !== undefined) {
      steps.push(label(policy, 'free', 0, {reason: chosen.free_because}));
      return finish(0);
    }
    var capital = policy.capital;
    if (request.savings > capital.upper_limit) {
      steps.push(label(policy, 'savings-over-limit', request.savings, {limit: Estimator.describe(capital.upper_limit)}));
      return finish(cost);
    }
    var counted = 0, leftOut = 0;
    Object.keys(request.incomes).forEach(function (kind) {
      var income = find(policy.incomes, 'kind', kind);
      if (income && income.disregarded) leftOut += request.incomes[kind]; else counted += request.incomes[kind];
    });
    steps.push(label(policy, 'income', counted));
    if (leftOut > 0) steps.push(label(policy, 'income-left-out', leftOut));
    var tariff = 0;
    if (request.savings > capital.lower_limit && capital.step > 0) {
      var parts = Math.floor((request.savings - capital.lower_limit + capital.step - 1) / capital.step);
      tariff = parts * capital.per_step;
      steps.push(label(policy, 'tariff', tariff, {'per-step': Estimator.describe(capital.per_step),
        step: Estimator.describe(capital.step), lower: Estimator.describe(capital.lower_limit)}));
    }
    steps.push(label(policy, 'guarantee', guarantee));
    var allowed = Math.max(request.disabilityCosts || 0, policy.disability_costs_allowance);
    steps.push(label(policy, 'disability-costs', allowed));
    var leftOver = Math.max(0, counted + tariff - guarantee - allowed);
    steps.push(label(policy, 'left-over', leftOver));
    if (leftOver > cost) {
      steps.push(label(policy, 'capped', cost));
      return finish(cost);
    }
    return finish(leftOver);
  };

  window.SignpostEstimator = Estimator;

  // The page: one question at a time, then the answer and its working.
  var dataElement = document.getElementById('charging-data');
  var form = document.getElementById('estimator');
  if (!dataElement || !form) return;
  var policy = JSON.parse(dataElement.textContent);
  var steps = Array.prototype.slice.call(form.querySelectorAll('.estimator__step'));
  var result = document.getElementById('estimate-result');
  var current = 0;

  form.hidden = false;
  var intro = document.getElementById('worksheet-intro');
  if (intro) intro.textContent = 'You can also work out an estimate on paper. Print this page, or use the steps below.';

  function show(index) {
    current = index;
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    result.hidden = true;
    var heading = steps[index].querySelector('h2');
    if (heading) heading.focus();
  }

  // Adds or takes away one id in an element's aria-describedby, keeping the hint's id that the page gives it.
  function describedBy(element, id, on) {
    var ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) element.setAttribute('aria-describedby', ids.join(' ')); else element.removeAttribute('aria-describedby');
  }

  // Shows or clears the error under a field (or a group of radios), tied to it so a screen reader reads it with the
  // field, and the field marked invalid.
  function fieldError(input, message) {
    var error = document.getElementById(input.id + '-error');
    if (error) {
      error.textContent = message || '';
      error.hidden = !message;
      describedBy(input, error.id, !!message);
    }
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    return !message;
  }

  // The step's list of problems at its top (GOV.UK's error summary): each links to its field, and the focus moves
  // to it, so the problems are read out at once.
  function summarise(step, problems) {
    var summary = step.querySelector('.error-summary');
    if (!summary) return;
    var list = summary.querySelector('ul');
    list.textContent = '';
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + problem.field.id;
      link.dataset.errorFor = problem.field.id;
      link.textContent = problem.message;
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = problems.length === 0;
    if (problems.length) summary.focus();
  }

  function chosenBreak() {
    var radio = form.querySelector('input[name="break"]:checked');
    return radio ? find(policy.breaks, 'kind', radio.value) : null;
  }

  var moneyMessage = 'Write an amount in pounds, like 120 or 120.50, with a full stop before the pence.';

  function money(input, required) {
    if (input.value.trim() === '' && !required) { fieldError(input, ''); return 0; }
    var pence = Estimator.parsePounds(input.value);
    fieldError(input, pence === null ? moneyMessage : '');
    return pence;
  }

  // Checks the step's answers; returns false, with the step's error summary focused, when there is a problem.
  function check(index) {
    var step = steps[index];
    var problems = [];
    if (step.dataset.step === 'break') {
      var kind = chosenBreak();
      var breakError = document.getElementById('break-error');
      var radios = form.querySelectorAll('input[name="break"]');
      // The error belongs to the group: the fieldset is described by it and each radio is marked invalid.
      breakError.hidden = !!kind;
      describedBy(document.getElementById('break-group'), breakError.id, !kind);
      radios.forEach(function (radio) {
        if (kind) radio.removeAttribute('aria-invalid'); else radio.setAttribute('aria-invalid', 'true');
      });
      if (!kind) problems.push({field: radios[0], message: breakError.textContent});
      var amount = document.getElementById('amount');
      var value = amount.value.trim();
      var most = kind ? kind.most : 168;
      var ok = /^\d{1,3}$/.test(value) && +value >= 1 && +value <= most;
      var amountMessage = 'Write a whole number from 1 to ' + most + '.';
      if (!fieldError(amount, ok ? '' : amountMessage)) problems.push({field: amount, message: amountMessage});
    } else {
      step.querySelectorAll('input[data-money]').forEach(function (input) {
        if (money(input, false) === null) problems.push({field: input, message: moneyMessage});
      });
      var age = document.getElementById('age');
      if (age && step.contains(age)) {
        var ageOk = age.value.trim() === '' || /^\d{1,3}$/.test(age.value.trim()) && +age.value >= 18 && +age.value <= 120;
        var ageMessage = 'Write an age from 18 to 120, or leave it empty.';
        if (!fieldError(age, ageOk ? '' : ageMessage)) problems.push({field: age, message: ageMessage});
      }
    }
    summarise(step, problems);
    return problems.length === 0;
  }

  function request() {
    var incomes = {};
    form.querySelectorAll('input[data-income]').forEach(function (input) {
      var pence = money(input, false);
      if (pence) incomes[input.dataset.income] = pence;
    });
    var circumstance = form.querySelector('input[name="circumstance"]:checked');
    var age = document.getElementById('age').value.trim();
    var costs = document.getElementById('disability-costs').value.trim();
    return {
      break: chosenBreak().kind,
      amount: parseInt(document.getElementById('amount').value, 10),
      incomes: incomes,
      savings: money(document.getElementById('savings'), false),
      disabilityCosts: costs === '' ? null : Estimator.parsePounds(costs),
      age: age === '' ? null : parseInt(age, 10),
      circumstance: circumstance ? circumstance.value : null
    };
  }

  function showResult() {
    var answer = Estimator.estimate(policy, request());
    if (answer.problem) return;
    steps.forEach(function (step) { step.hidden = true; });
    result.hidden = false;
    result.dataset.chargePence = String(answer.charge);
    document.getElementById('estimate-charge').textContent = Estimator.withPence(answer.charge);
    document.getElementById('estimate-easy-charge').textContent = Estimator.withPence(answer.charge);
    var list = document.getElementById('estimate-steps');
    list.textContent = '';
    answer.steps.forEach(function (step) {
      var item = document.createElement('li');
      item.dataset.step = step.id;
      item.dataset.pence = String(step.amount);
      item.textContent = step.label;
      list.appendChild(item);
    });
    document.getElementById('estimate-heading').focus();
  }

  // The label of the amount question follows the kind of break: nights, days or hours.
  form.addEventListener('change', function (event) {
    if (event.target.name !== 'break') return;
    var kind = chosenBreak();
    document.getElementById('amount-unit').textContent = kind.unit + 's';
  });

  form.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-error-for]') : null;
    if (link) {
      // A problem in the summary: to its field, with the field's label in view.
      event.preventDefault();
      var field = document.getElementById(link.dataset.errorFor);
      var label = field.closest('fieldset') || form.querySelector('label[for="' + field.id + '"]') || field;
      label.scrollIntoView();
      field.focus({preventScroll: true});
      return;
    }
    var button = event.target.closest ? event.target.closest('button') : null;
    if (!button) return;
    if (button.hasAttribute('data-next')) {
      event.preventDefault();
      if (check(current)) show(current + 1);
    } else if (button.hasAttribute('data-back')) {
      event.preventDefault();
      show(Math.max(0, current - 1));
    } else if (button.hasAttribute('data-restart')) {
      event.preventDefault();
      show(0);
    } else if (button.hasAttribute('data-print')) {
      event.preventDefault();
      window.print();
    }
  });

  // Enter in a text box, or a phone keyboard's Go key, submits the form from whichever step is showing. Before the
  // last step that means Continue. On the last, every step's answers are checked again, and the first step with a
  // problem is shown with its errors, so an answer is never worked out from questions not yet answered.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (current < steps.length - 1) {
      if (check(current)) show(current + 1);
      return;
    }
    for (var i = 0; i < steps.length; i++) {
      if (!check(i)) {
        if (i !== current) { show(i); check(i); }
        return;
      }
    }
    showResult();
  });

  steps.forEach(function (step, i) { step.hidden = i !== 0; });
})();
