// Small enhancements; every page works without them.

// The header menu is a <details>: keep it open on wide screens (for browsers
// without ::details-content), close it with Escape and on a click elsewhere.
const menu = document.querySelector("[data-menu]");
if (menu) {
  const wide = window.matchMedia("(min-width: 64rem)");
  const sync = () => { menu.open = wide.matches; };
  sync();
  wide.addEventListener("change", sync);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (menu.open && !wide.matches && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
}

// GOV.UK error summary: focus it when the page loads, and let its links put
// focus in the field while showing the field's label or legend.
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  if (document.activeElement !== summary) summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const input = document.getElementById(link.hash.slice(1));
    if (!input) return;
    event.preventDefault();
    const legend = input.closest("fieldset")?.querySelector("legend");
    const label = legend || document.querySelector(`label[for='${input.id}']`);
    (label || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
}
