#!/usr/bin/env python3
# Checks that no translatable string in src/ is glued to a format macro such
# as G_GINT64_FORMAT: xgettext cannot see past the macro, so the catalogue
# gets a string that ends in a bare "%" and no translation ever matches the
# one the program looks up. Use %lld or %llu with a cast instead. Prints TAP.
import os
import re
import sys

source = sys.argv[1]
# _("..." or N_("...", possibly over several lines of literals, then a macro
glued = re.compile(r'\bN?_\(\s*(?:"(?:[^"\\]|\\.)*"\s*)+(G_G\w+_FORMAT|G_GSIZE_FORMAT|PRI\w+)')

problems = []
files = 0
for folder, _dirs, names in os.walk(source):
    for name in sorted(names):
        if not name.endswith('.c'):
            continue
        files += 1
        path = os.path.join(folder, name)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for match in glued.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{os.path.relpath(path, source)}:{line}: a translatable string'
                            f' ends in {match.group(1)}, which xgettext cannot read')

print('1..1')
if problems:
    print('not ok 1 - translatable strings without format macros')
    for problem in problems:
        print(f'# {problem}')
else:
    print(f'ok 1 - translatable strings without format macros ({files} files)')
