// The DOM helper both preview pages build their elements with (loaded before app.js and
// cases.js). Text goes in as text, never as markup.
"use strict";

window.crisiscommsDom = Object.freeze({
  el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  },
});
