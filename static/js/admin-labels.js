"use strict";
// Django's admin autocomplete (select2) names its combobox after the chosen value alone, so an
// empty one has no accessible name: name it after the field's label as well. Select2 builds its
// markup when jQuery is ready and for every inline row added, hence the observer.
{
  const named = (root) => {
    for (const box of root.querySelectorAll(".select2-selection[role=combobox]:not([data-named])")) {
      const select = box.closest(".select2")?.previousElementSibling;
      const label = select?.id && document.querySelector(`label[for="${select.id}"]`);
      if (!label) continue;
      label.id ||= `${select.id}-label`;
      const value = box.querySelector(".select2-selection__rendered");
      box.setAttribute("aria-labelledby", [label.id, value?.id].filter(Boolean).join(" "));
      value?.setAttribute("aria-labelledby", label.id);
      box.dataset.named = "";
    }
  };
  new MutationObserver(() => named(document)).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
}
