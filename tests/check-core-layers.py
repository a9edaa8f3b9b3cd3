#!/usr/bin/env python3
# Checks that src/core keeps its layers (src/core/README.md): a file in one
# folder includes headers of its own folder or of the folders below it, never
# of a folder above, and nothing in src/core includes GTK. Prints TAP.
import os
import re
import sys

core = sys.argv[1]
layers = sys.argv[2:]
include = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)

where = {}
for rank, layer in enumerate(layers):
    for name in os.listdir(os.path.join(core, layer)):
        if name.endswith('.h'):
            where[name] = rank

problems = []
files = 0
for rank, layer in enumerate(layers):
    folder = os.path.join(core, layer)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(('.c', '.h')):
            continue
        files += 1
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            text = f.read()
        for match in include.finditer(text):
            kind, header = match.groups()
            line = text.count('\n', 0, match.start()) + 1
            here = f'src/core/{layer}/{name}:{line}'
            if kind == '<' and re.match(r'(gtk|gdk|adwaita|gtksourceview)', header):
                problems.append(f'{here}: includes <{header}>; src/core never uses GTK')
            elif kind == '"' and header in where and where[header] > rank:
                problems.append(f'{here}: includes {header} from {layers[where[header]]}/, '
                                f'a layer above {layer}/')
            elif kind == '"' and header.endswith('-resources.h') and header.startswith(f'sm-{layer}'):
                pass  # made by the layer's own meson.build (gnome.compile_resources)
            elif kind == '"' and header not in where and header != 'config.h':
                problems.append(f'{here}: includes {header}, which is in no layer')

print('1..2')
print(f'{"ok" if files else "not ok"} 1 - {files} files in {len(layers)} layers')
if problems:
    print('not ok 2 - includes follow the layers')
    for problem in problems:
        print(f'# {problem}')
    sys.exit(1)
print('ok 2 - includes follow the layers')
