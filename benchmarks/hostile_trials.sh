#!/usr/bin/env bash
# Hostile inputs tried by hand (issue 10): each must end in a clear error (exit 3) or an error
# finding (exit 1), never a hang or a traceback; prints exit code, seconds, peak MB and the
# first words on stderr. Run from anywhere: bash benchmarks/hostile_trials.sh (works in a temp folder).
set -u
export EXAMPLE="$(cd "$(dirname "$0")/.." && pwd)/examples/identified.yaml"
cd "$(mktemp -d)"
t() { local name="$1"; shift; local s=$(date +%s.%N); timeout 60 /usr/bin/time -f "%M" -o ./mem "$@" >./out 2>./err; local rc=$?; local e=$(echo "$(date +%s.%N) - $s" | bc); printf "%-28s exit=%s %.1fs %sMB | %s\n" "$name" "$rc" "$e" "$(( $(tail -1 ./mem) / 1024 ))" "$(head -c 160 ./err | tr '\n' ' ')"; }
crisiscomms init tpl >/dev/null
# symlink to /etc/passwd
cp -r tpl t1; rm t1/en/sms.txt; ln -s /etc/passwd t1/en/sms.txt; t symlink-passwd crisiscomms lint t1
cp -r tpl t2; rm t2/en/sms.txt; ln -s sms.txt t2/en/sms.txt; t symlink-loop crisiscomms lint t2
cp -r tpl t3; printf 'x\u202e{{ f.title }}\n' > t3/en/sms.txt; t rlo-template crisiscomms lint t3
cp -r tpl t4; printf 'x\0{{ f.title }}\n' > t4/en/sms.txt; t nul-template crisiscomms lint t4
cp -r tpl t5; printf '{%% for i in range(100000) %%}{%% for j in range(100000) %%}x{%% endfor %%}{%% endfor %%}{{ f.title }}\n' > t5/en/sms.txt; t loop-1e10 crisiscomms lint t5
cp -r tpl t6; printf '{{ "x" * 1000000000 }}{{ f.title }}\n' > t6/en/sms.txt; t string-multiply crisiscomms lint t6
cp -r tpl t7; printf '{%% macro m(n) %%}{{ m(n+1) }}{%% endmacro %%}{{ m(0) }}{{ f.title }}\n' > t7/en/sms.txt; t recursive-macro crisiscomms lint t7
cp -r tpl t8; printf '{{ (9**9**9) }}{{ f.title }}\n' > t8/en/sms.txt; t power-tower crisiscomms lint t8
cp -r tpl t9; printf '{{ "%%s" %% ("x" * 10) }}{{ f.title.__class__ }}\n' > t9/en/sms.txt; t dunder-attr crisiscomms lint t9
cp -r tpl t10; python3 -c "print('a: &a [' + ','.join(['x']*9) + ']'); [print(f'{c}: &{c} [' + ','.join(['*'+p]*9)+ ']') for p,c in zip('abcdefgh','bcdefghi')]" > t10/en/rules.yaml; t rules-alias-bomb crisiscomms lint t10
cp -r tpl t11; printf '[organisation]\nname = "' > t11/crisiscomms.toml; head -c 3000000 /dev/zero | tr '\0' 'a' >> t11/crisiscomms.toml; t huge-config crisiscomms lint t11
touch afile; t init-onto-file crisiscomms init afile
python3 -c "print('['*100000 + ']'*100000)" > deep.json; t deep-json crisiscomms check deep.json
python3 - <<'P'
import os, yaml
d=yaml.safe_load(open(os.environ['EXAMPLE']))
d['title']['en']='A'*1_000_000
yaml.safe_dump(d,open('big-title.yaml','w'),allow_unicode=True)
d=yaml.safe_load(open(os.environ['EXAMPLE']))
d['services']=[{'id':f's{i}','name':{'he':f'שירות {i}','en':f'service {i}'}} for i in range(20)]
d['updates']=[{'at':d['updated_at'],'status':'identified','note':{'he':'עדכון','en':'update'}}]*50
yaml.safe_dump(d,open('max.yaml','w'),allow_unicode=True)
P
t title-1MB crisiscomms check big-title.yaml
t max-services-updates crisiscomms check max.yaml
