// Shows, under a date box, the EDTF that will be stored and the words it means, as staff type.
// The server reads the text with the same parser the save uses (DatePreviewAdmin.date_preview).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-date-preview]")) {
    const output = document.getElementById(`${input.id}_preview`);
    let timer = null;
    let asked = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = input.value.trim();
        const turn = ++asked;
        if (!text) {
          output.textContent = "";
          return;
        }
        const url = `${input.dataset.datePreview}?text=${encodeURIComponent(text)}`;
        const response = await fetch(url, { credentials: "same-origin" });
        if (turn !== asked || !response.ok) return;
        const answer = await response.json();
        output.textContent = answer.error || answer.preview;
        output.classList.toggle("date-preview-error", Boolean(answer.error));
      }, 250);
    });
  }
});
