// Drives the web workbench the way a person would: opens the broken Corefile from the explorer, looks at
// the status bar, the colours, the squiggle and its hover, then the Problems panel, and keeps
// screenshots of what it saw. Each look is one check; once a check fails, the later ones cannot be
// reached and are reported as failed too, so the counts always cover every check.

const FILE = 'broken.corefile';

/**
 * @param {import('playwright-core').Page} page a page already showing the workbench with the extension
 * @param {{ codePrefix: string, screenshot: (name: string) => Promise<void>, record: (name: string, error?: Error) => void }} options
 */
export async function checkLikeAPerson(page, { codePrefix, screenshot, record }) {
  const checks = [
    ['the explorer lists broken.corefile and opens it in an editor', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
      await row.waitFor({ timeout: 60_000 });
      await row.click();
      await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor({ timeout: 30_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'whoami' }).waitFor({ timeout: 30_000 });
    }],
    ['the status bar names the language "Corefile"', async () => {
      const mode = page.locator('[id="status.editor.mode"]');
      await mode.waitFor({ timeout: 15_000 });
      await waitForText(mode, (text) => text.trim() === 'Corefile', 'the language mode "Corefile"');
    }],
    ['the grammar colours the directive `whoami` apart from plain text', async () => {
      const token = page.locator('.editor-instance .view-line span span', { hasText: /^whoami$/ }).first();
      await token.waitFor({ timeout: 15_000 });
      const cls = await token.getAttribute('class');
      // mtk1 is the editor's default foreground: a token that kept it was not scoped by our grammar.
      if (!cls || /\bmtk1\b/.test(cls)) throw new Error(`\`whoami\` is drawn with the default colour (class "${cls}")`);
    }],
    ['an error squiggle appears and its hover shows the message and the code', async () => {
      // Only a squiggle the page shows counts: another editor (a hidden tab) may hold one too.
      const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error:visible').first();
      await squiggle.waitFor({ state: 'visible', timeout: 60_000 });
      const box = await boxOnScreen(squiggle, 'the squiggle');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible').first();
      await hover.waitFor({ timeout: 20_000 });
      // The hover may show its frame before the problem's text arrives.
      await waitForText(hover, (text) => text.includes(codePrefix), `a hover naming ${codePrefix}`);
      const text = (await hover.innerText()).trim();
      console.log(`    hover: ${JSON.stringify(text)}`);
      if (text.length < codePrefix.length + 10) throw new Error(`the hover says too little: ${JSON.stringify(text)}`);
      await settleAnimations(hover);
      await screenshot('broken-corefile-hover.png');
      await page.keyboard.press('Escape');
    }],
    ['the Problems panel lists the error for broken.corefile', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
      await waitForText(panel, (text) => text.includes(codePrefix) && text.includes(FILE),
        `a row for ${FILE} and a row naming ${codePrefix}`);
      const rows = await panel.locator('.monaco-list-row').allInnerTexts();
      console.log(`    problems: ${JSON.stringify(rows.map((r) => r.replace(/\s+/g, ' ').trim()))}`);
      await screenshot('broken-corefile-problems.png');
    }],
  ];

  let blocker;
  for (const [name, check] of checks) {
    if (blocker) {
      record(name, new Error(`not reached: ${blocker}`));
      continue;
    }
    try {
      await check();
      record(name);
    } catch (error) {
      blocker = name;
      await screenshot('failure.png').catch(() => {});
      record(name, error instanceof Error ? error : new Error(String(error)));
    }
  }
}

// The editor may draw a decoration before it lays the line out, or redraw it when the diagnostics are
// published again, so a squiggle can be in the page for a moment with no box; wait until it has one.
async function boxOnScreen(locator, what, boundMs = 20_000) {
  const giveUpAt = Date.now() + boundMs;
  while (Date.now() < giveUpAt) {
    const box = await locator.boundingBox({ timeout: 5_000 }).catch(() => null);
    if (box && box.width > 0 && box.height > 0) return box;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} has no position on screen after ${boundMs / 1000} s`);
}

async function waitForText(locator, accept, what, boundMs = 15_000) {
  const giveUpAt = Date.now() + boundMs;
  let text = '';
  while (Date.now() < giveUpAt) {
    text = await locator.innerText().catch(() => '');
    if (accept(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${what}, saw ${JSON.stringify(text)}`);
}

// The hover fades in; a screenshot taken mid-animation shows it half transparent.
async function settleAnimations(locator) {
  await locator.evaluate((element) => {
    const running = [];
    for (let node = element; node; node = node.parentElement) {
      for (const animation of node.getAnimations()) {
        if (animation.effect?.getTiming().iterations !== Infinity) running.push(animation.finished.catch(() => {}));
      }
    }
    return Promise.all(running);
  });
}
