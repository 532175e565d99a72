/* Accessibility repairs of Dash 4.4 core components, applied in the browser as they render (a
   MutationObserver), and the skip link. Each repair says what axe-core reported and why it is safe.

   1. dcc.Dropdown renders a focus proxy <input aria-hidden="true" tabindex="0"> that forwards focus to
      its real trigger <button tabindex="-1">: axe "aria-hidden-focus" (serious), and the trigger's name
      is only its value ("All programmes"), not its <label>. The trigger itself becomes the Tab stop
      (it handles Enter, ArrowDown and typing already), the proxy leaves the Tab order, and the trigger
      is named by its label and its value.
   2. dcc.Checklist and dcc.RadioItems render role="listbox" with role="option" labels that wrap a native
      checkbox or radio: axe "nested-interactive" and "aria-input-field-name" (serious). Native inputs in
      labels are accessible as they are: the list becomes a plain group and the labels plain labels.
   3. The skip link moves the keyboard focus to the main content (a fragment link alone only scrolls in
      some browsers, and must not change the URL the app keeps its state in). */
(function () {
  "use strict";

  function setAttr(el, name, value) {
    if (value === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }

  function repairDropdown(proxy) {
    var trigger = proxy.nextElementSibling;
    if (!trigger || !trigger.classList.contains("dash-dropdown")) return;
    setAttr(proxy, "tabindex", "-1");
    setAttr(trigger, "tabindex", trigger.disabled ? "-1" : "0");
    if (trigger.id) {
      var label = document.querySelector('label[for="' + CSS.escape(trigger.id) + '"]');
      if (label) {
        if (!label.id) label.id = trigger.id + "-label";
        var names = (trigger.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
        if (names.indexOf(label.id) < 0) {
          setAttr(trigger, "aria-labelledby", [label.id].concat(names).join(" "));
        }
      }
    }
  }

  function repairOptionsList(list) {
    if (!list.querySelector('input[type="checkbox"], input[type="radio"]')) return;
    setAttr(list, "role", "group");
    list.querySelectorAll(".dash-options-list-option").forEach(function (option) {
      setAttr(option, "role", null);
      setAttr(option, "aria-selected", null);
    });
  }

  function repair(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(repairDropdown);
    root.querySelectorAll(".dash-options-list").forEach(repairOptionsList);
  }

  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // after React has finished this render, before the browser paints
    Promise.resolve().then(function () {
      scheduled = false;
      repair(document.body);
    });
  }

  function start() {
    repair(document.body);
    new MutationObserver(schedule).observe(document.body, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["tabindex", "role", "aria-selected", "aria-labelledby"]
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest(".skip-link");
      if (!link) return;
      var target = document.getElementById((link.getAttribute("href") || "#main").slice(1));
      if (!target) return;
      event.preventDefault();
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
      target.scrollIntoView({block: "start"});
    });
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
