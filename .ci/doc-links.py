#!/usr/bin/env python3
"""Checks the links of README.md and docs/*.md: every link or image to a local path names a file that exists, and
every #anchor names a heading of its page (GitHub's slugs). Prints each broken one and exits 1; prints nothing when
all resolve. Usage: .ci/doc-links.py (from anywhere in the repository)."""
import glob
import os
import re
import sys

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
pages = [os.path.join(root, 'README.md')] + sorted(glob.glob(os.path.join(root, 'docs', '*.md')))
LINK = re.compile(r'!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<img[^>]*\bsrc="([^"]+)"')
FENCE = re.compile(r'^```.*?^```', re.S | re.M)
CODE = re.compile(r'`[^`\n]*`')


def slugs(path):
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, -1, -2 for repeats."""
    seen, out = {}, set()
    with open(path, encoding='utf-8') as f:
        text = FENCE.sub('', f.read())
    for line in text.splitlines():
        m = re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
        if not m:
            continue
        s = re.sub(r'[^\w\- ]', '', m.group(1).replace('`', '').lower()).replace(' ', '-')
        n = seen.get(s, 0)
        seen[s] = n + 1
        out.add(s if n == 0 else f'{s}-{n}')
    return out


broken = 0
for page in pages:
    with open(page, encoding='utf-8') as f:
        text = CODE.sub('', FENCE.sub('', f.read()))
    for m in LINK.finditer(text):
        target = m.group(1) or m.group(2)
        if re.match(r'^[a-z]+:', target):
            continue
        path, _, anchor = target.partition('#')
        full = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
        where = os.path.relpath(page, root)
        if not os.path.exists(full):
            print(f'{where}: missing {target}')
            broken += 1
        elif anchor and full.endswith('.md') and anchor not in slugs(full):
            print(f'{where}: no heading for #{anchor} in {os.path.relpath(full, root)}')
            broken += 1
sys.exit(1 if broken else 0)
