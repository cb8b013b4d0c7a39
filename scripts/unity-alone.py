#!/usr/bin/env python3
# Lists the sources a unity build must compile alone (CMakeLists.txt, HEARTH_UNITY_ALONE): those
# whose file-local names (an unnamed namespace's constants, functions, types, and macros) are also
# defined by another source of the same namespace, so that the two would clash in one batch. The
# pimpl sources (core/hidden_impl.hpp) and the tests with clashing using-declarations of enum
# values are added by hand. Run from the project root after adding a
# source whose build fails with "redefinition of … {anonymous}::…".
import re,glob,collections,sys
files=sorted(f for f in glob.glob('src/**/*.cpp',recursive=True) if not f.endswith('_test.cpp') and not f.endswith('/main.cpp'))
tests=sorted(glob.glob('src/**/*_test.cpp',recursive=True)+glob.glob('tests/**/*.cpp',recursive=True))
def names(f):
    ns=None; out=set(); inanon=False
    for line in open(f,encoding='utf-8'):
        m=re.match(r'namespace ([\w:]+) \{',line)
        if m and ns is None: ns=m.group(1)
        if re.match(r'namespace \{',line): inanon=True; continue
        if re.match(r'\}\s*//\s*namespace\s*$',line) and inanon: inanon=False; continue
        if not inanon or line[:1] in ' \t}#/' or not line.strip() or line.startswith('using '): continue
        m=re.match(r'(?:struct|class|enum class|enum|union)\s+(\w+)',line)
        if m: out.add(m.group(1)); continue
        m=re.match(r'(?:template\s*<[^>]*>\s*)?(?:static\s+|inline\s+|constexpr\s+|const\s+)*[\w:<>,\*&\s]+?[\s\*&](\w+)\s*(?:=|\(|\{|;|\[)',line)
        if m: out.add(m.group(1))
        # multiple declarators: ", kName = "
        for mm in re.finditer(r',\s*(k\w+)\s*=',line): out.add(mm.group(1))
    # also top-level macros
    for line in open(f,encoding='utf-8'):
        m=re.match(r'#define (\w+)',line)
        if m: out.add('#'+m.group(1))
    return ns,out
def report(group):
    by=collections.defaultdict(list)
    for f in group:
        ns,ns_names=names(f)
        for n in ns_names: by[(ns if not n.startswith('#') else '', n)].append(f)
    alone=set()
    for (ns,n),fs in by.items():
        if len(fs)>1:
            for f in fs[1:]: alone.add(f)
    return alone
a=report(files); b=report(tests)
print('\n'.join(sorted(a)))
print('--tests')
print('\n'.join(sorted(b)))
