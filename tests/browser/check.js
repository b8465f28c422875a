// tests/browser/check.js -- the checks of a page in a real browser, for
// tests/browser.sh: Debian's chromium, headless, driven by puppeteer-core
// (no browser of its own is downloaded), axe-core injected into the page,
// html-validate on the file.
//
//   node tests/browser/check.js [--validate-only] OUTDIR PAGE.html...
//
// One browser for every page. For each page and each width (360, 1280):
// a screenshot, the overflow script, the charts' text size, axe; once per page, the ids (none
// repeated, none referred to and missing), the requests the page made
// and html-validate. Each check prints one line,
//
//   PAGE <TAB> WIDTH <TAB> CHECK <TAB> pass|fail <TAB> DETAIL
//
// (WIDTH is "-" for the checks that do not depend on it); the shell suite
// decides what each line means (a fixture made to fail must fail). Exit 0
// when every line was printed, whatever they say; 2 when the browser could
// not be started or a page not loaded (one "fail" line says why).
'use strict';

const fs = require('fs');
const path = require('path');
const url = require('url');
const puppeteer = require('puppeteer-core');
const { HtmlValidate, StaticConfigLoader } = require('html-validate');

const top = path.resolve(__dirname, '..', '..');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
// a phone (the narrowest width the issue asks for) and a desktop screen
const widths = [360, 1280];
const heights = { 360: 740, 1280: 800 };
// what axe may report and still pass: its impacts are minor, moderate,
// serious, critical; the issue fails on the last two
const failing = new Set(['serious', 'critical']);

function line(page, width, check, ok, detail) {
    const clean = String(detail || '').replace(/[\t\n]+/g, ' ');
    process.stdout.write([page, width, check, ok ? 'pass' : 'fail', clean]
        .join('\t') + '\n');
}

// Run in the page: every element whose box passes the left or right edge
// of the viewport, unless an ancestor scrolls sideways (overflow-x auto or
// scroll: a wide table in its box). Only the outermost such element of a
// branch is named (a wide table's cells add nothing); the count is of all.
// Also the layout viewport itself: a page without
// <meta name="viewport" content="width=device-width"> is laid out wider
// than a phone and shrunk.
function overflowScript() {
    // a box is outside when it passes an edge by more than this (sub-pixel
    // layout rounds the last column of a full-width box)
    const slackPx = 0.5;
    const scrolls = (el) => {
        const x = getComputedStyle(el).overflowX;
        return x === 'auto' || x === 'scroll';
    };
    const name = (el) => {
        let s = el.tagName.toLowerCase();
        if (el.id) s += '#' + el.id;
        const cls = el.getAttribute('class');
        if (cls) s += '.' + cls.trim().split(/\s+/).join('.');
        const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
        if (text) s += ' "' + text.slice(0, 30) + '"';
        return s;
    };
    const found = [];
    const vw = document.documentElement.clientWidth;
    // a phone shrinks a page wider than its layout viewport to fit
    const shown = window.innerWidth;
    for (const el of document.querySelectorAll('body, body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0)
            continue;
        if (r.left >= -slackPx && r.right <= vw + slackPx)
            continue;
        let inside = false;
        for (let a = el.parentElement; a && a !== document.documentElement;
             a = a.parentElement)
            if (scrolls(a)) { inside = true; break; }
        if (!inside)
            found.push({ el, left: r.left, right: r.right });
    }
    const set = new Set(found.map((f) => f.el));
    const outer = found.filter((f) => {
        for (let a = f.el.parentElement; a; a = a.parentElement)
            if (set.has(a)) return false;
        return true;
    });
    return {
        shown, vw, count: found.length,
        scrollWidth: document.documentElement.scrollWidth,
        named: outer.slice(0, 10).map((f) =>
            `${name(f.el)} [${Math.round(f.left)}, ${Math.round(f.right)}]`),
        more: Math.max(0, outer.length - 10),
    };
}

async function checkOverflow(page, label, width) {
    const o = await page.evaluate(overflowScript);
    const problems = [];
    if (o.vw !== width)
        problems.push(`laid out ${o.vw} px wide on a ${width} px screen ` +
                      '(no <meta name="viewport" content="width=device-width">?)');
    if (o.count > 0)
        problems.push(`${o.count} element(s) outside 0..${o.vw} px: ` +
                      o.named.join('; ') + (o.more ? `; and ${o.more} more` : ''));
    else if (o.vw === width && (o.scrollWidth > o.vw || o.shown > width))
        problems.push(`the page is ${Math.max(o.scrollWidth, o.shown)} px wide, ` +
                      `wider than the ${width} px screen`);
    line(label, width, 'overflow', problems.length === 0, problems.join('; '));
}

// Run in the page: ids given to more than one element, and in-page
// references to an id no element has: links (a key finding to its
// section) and SVG <use> (a chart's glyphs). html-validate does not look
// at ids inside SVG, and a browser resolves a repeated id to its first
// element: the glyphs of cairo's SVG ("glyph0-1") repeated in a second
// inline chart draw the first chart's letters.
function idsScript() {
    const count = new Map();
    for (const el of document.querySelectorAll('[id]'))
        count.set(el.id, (count.get(el.id) || 0) + 1);
    const dup = [...count].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n}×)`);
    const dead = [];
    for (const el of document.querySelectorAll('a[href^="#"], use')) {
        const ref = el.getAttribute('href') || el.getAttribute('xlink:href') || '';
        const id = decodeURIComponent(ref.slice(1));
        if (ref.startsWith('#') && id !== '' && !document.getElementById(id))
            dead.push(`${el.tagName.toLowerCase()} ${ref}`);
    }
    return { dup, dead };
}

// Run in the page: the size of the charts' text as shown. Cairo draws text
// as glyphs, <use href="#gN-glyphF-G"> of a <symbol>, one F per font and
// size; a font's tallest glyph on the screen is about its capital or
// ascender height, 0.72-0.8 of its size. Fonts that drew fewer than
// minGlyphs different glyphs (a lone comma) are not measured. Only what is
// shown counts: display:none gives empty boxes.
function chartTextScript(minGlyphs) {
    const fonts = new Map();
    for (const u of document.querySelectorAll('svg[role="img"] use')) {
        const r = u.getBoundingClientRect();
        if (r.width === 0 && r.height === 0)
            continue;
        const href = u.getAttribute('href') || '';
        const key = href.replace(/-[0-9]+$/, '');
        const f = fonts.get(key) || { tallest: 0, glyphs: new Set() };
        f.tallest = Math.max(f.tallest, r.height);
        f.glyphs.add(href);
        fonts.set(key, f);
    }
    return [...fonts].filter(([, f]) => f.glyphs.size >= minGlyphs)
        .map(([key, f]) => ({ key, tallest: f.tallest }))
        .sort((a, b) => a.tallest - b.tallest);
}

// The charts' text readable at every width: no font's tallest glyph under
// minGlyphPx (the digits of 8.5 px text; a phone's chart drawing shows its
// least text, notes, at 9.4 px on a 360 px screen, the PDF's drawing
// scaled to that screen at 3.8 px).
const minGlyphPx = 6;
async function checkChartText(page, label, width) {
    const fonts = await page.evaluate(chartTextScript, 3);
    const small = fonts.filter((f) => f.tallest < minGlyphPx);
    line(label, width, 'chart-text', small.length === 0,
         small.length
             ? `${small.length} font(s) under ${minGlyphPx} px: ` +
               small.slice(0, 5).map((f) =>
                   `${f.key} ${f.tallest.toFixed(1)} px`).join(', ')
             : fonts.length
                 ? `${fonts.length} font(s), the smallest ${fonts[0].tallest.toFixed(1)} px`
                 : 'no chart text');
}

async function checkIds(page, label) {
    const r = await page.evaluate(idsScript);
    const problems = [];
    if (r.dup.length)
        problems.push(`${r.dup.length} id(s) given twice or more: ` +
                      r.dup.slice(0, 10).join(', '));
    if (r.dead.length)
        problems.push(`${r.dead.length} reference(s) to no element: ` +
                      [...new Set(r.dead)].slice(0, 10).join(', '));
    line(label, '-', 'ids', problems.length === 0, problems.join('; '));
}

async function checkAxe(page, label, width) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const res = await page.evaluate(() =>
        window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => failing.has(v.impact));
    const detail = bad.map((v) => `${v.id} (${v.impact}) at ` +
        v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ') +
        (v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''));
    const minor = res.violations.length - bad.length;
    line(label, width, 'axe', bad.length === 0,
         bad.length ? detail.join('; ')
                    : `${minor} minor or moderate violation(s)`);
}

async function screenshot(page, label, width, outdir) {
    const file = path.join(outdir, `${label}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // the first screen alone: what a reader sees on opening the page
    await page.screenshot({ path: path.join(outdir, `${label}-${width}-top.png`) });
    // the PNG's signature and its IHDR size (wider than asked for when the
    // page overflows: the overflow check says so, not this one)
    const png = fs.readFileSync(file);
    const ok = png.length > 24 && png.toString('latin1', 1, 4) === 'PNG';
    line(label, width, 'screenshot', ok,
         ok ? `${file} ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`
            : `${file} is not a PNG`);
}

// .htmlvalidate.json (HTMLVALIDATE_CONFIG names another, for the tests of
// this rule): JSON has no comments and html-validate refuses unknown keys,
// so the reason a rule is turned off is held in a top-level "//" object,
// rule name to reason, taken out before html-validate reads the rest. A
// rule off without a reason, or a reason for a rule that is on, is an
// error of the config: the check fails and names it.
function validatorConfig() {
    const file = process.env.HTMLVALIDATE_CONFIG || path.join(top, '.htmlvalidate.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    const reasons = config['//'] || {};
    delete config['//'];
    const off = Object.keys(config.rules || {}).filter((r) => {
        const v = [].concat(config.rules[r])[0];
        return v === 'off' || v === 0;
    });
    const errors = [];
    for (const r of off)
        if (typeof reasons[r] !== 'string' || reasons[r].trim() === '')
            errors.push(`${path.basename(file)}: rule ${r} is off without a reason in its "//" entry`);
    for (const r of Object.keys(reasons))
        if (!off.includes(r))
            errors.push(`${path.basename(file)}: "//" gives a reason for ${r}, which is not off`);
    return { config, errors };
}

async function validate(file, label) {
    const { config, errors } = validatorConfig();
    const hv = new HtmlValidate(new StaticConfigLoader(config));
    const report = await hv.validateFile(file);
    const msgs = errors.slice();
    for (const r of report.results)
        for (const m of r.messages)
            msgs.push(`${m.ruleId} at ${m.line}:${m.column}: ${m.message}`);
    line(label, '-', 'html-validate', msgs.length === 0,
         msgs.slice(0, 10).join('; ') +
         (msgs.length > 10 ? `; and ${msgs.length - 10} more` : ''));
}

async function checkPage(browser, file, outdir) {
    const label = path.basename(file, '.html');
    const page = await browser.newPage();
    // The page must be self-contained: any request for something that is
    // not the file itself or data: is refused and named.
    const foreign = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
        const u = req.url();
        if (u.startsWith('file:') || u.startsWith('data:')) {
            req.continue();
        } else {
            foreign.push(u);
            req.abort();
        }
    });
    const href = url.pathToFileURL(path.resolve(file)).href;
    for (const width of widths) {
        await page.setViewport({ width, height: heights[width],
                                 deviceScaleFactor: 1,
                                 isMobile: width < 600, hasTouch: width < 600 });
        // a fresh load at each width: the layout the reader gets, and a
        // page with no axe injected yet; 'load' waits for every resource
        await page.goto(href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => true));
        await screenshot(page, label, width, outdir);
        await checkOverflow(page, label, width);
        await checkChartText(page, label, width);
        if (width === widths[0])
            await checkIds(page, label);
        await checkAxe(page, label, width);
    }
    await page.close();
    line(label, '-', 'requests', foreign.length === 0,
         foreign.length ? `refused: ${[...new Set(foreign)].join(', ')}`
                        : 'none but the file');
    await validate(file, label);
}

async function main() {
    const args = process.argv.slice(2);
    // --validate-only: html-validate alone, no browser (the config's tests)
    const only = args[0] === '--validate-only';
    const [outdir, ...pages] = only ? args.slice(1) : args;
    if (!outdir || pages.length === 0) {
        process.stderr.write('usage: node tests/browser/check.js [--validate-only] OUTDIR PAGE.html...\n');
        process.exit(2);
    }
    if (only) {
        for (const file of pages)
            await validate(file, path.basename(file, '.html'));
        return;
    }
    fs.mkdirSync(outdir, { recursive: true });
    let browser;
    try {
        browser = await puppeteer.launch({
            executablePath: chromium,
            headless: true,
            // the tests run as root, where chromium's sandbox cannot start;
            // /dev/shm is small in containers
            args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                   '--hide-scrollbars'],
        });
    } catch (e) {
        line('-', '-', 'launch', false, `${chromium}: ${e.message}`);
        process.exit(2);
    }
    let status = 0;
    try {
        line('-', '-', 'launch', true, await browser.version());
        for (const file of pages) {
            try {
                await checkPage(browser, file, outdir);
            } catch (e) {
                line(path.basename(file, '.html'), '-', 'load', false, e.message);
                status = 2;
            }
        }
    } finally {
        await browser.close();
    }
    process.exit(status);
}

main();
