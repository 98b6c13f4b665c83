#!/usr/bin/env bash
# Start-up time and resident memory of the demo run (issue #7), against bare Camunda from the same jar.
# Prints a Markdown table. Usage: docs/bench/startup.sh [rounds, default 3]
#
#   bare Camunda, fresh   cn.duban.bench.BareCamundaApplication (test sources: not in the product's jar),
#                          launched through the same jar's launcher with the test classes added to its
#                          class path: the engine, REST API and webapps on a new H2 file, nothing of duban
#                          (the baseline)
#   duban demo, fresh     java -jar duban.jar --spring.profiles.active=demo on a new H2 file: schemas,
#                          users, 29 units, the seed-000 campaign distributed — until it prints where to log in
#   duban demo, restart   the same again on the H2 file the fresh run left behind
#
# Time: from starting the JVM to the line that says it is ready. RSS: VmRSS of the process at that moment.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
./mvnw -q -DskipTests package
jar=$(ls target/duban-*.jar | grep -v '\.original$' | head -1)
port=18080
smtp=12525

# run NAME READY-PATTERN DATA-DIR JAVA-ARGS... ; prints "ms rss_mib"
run() {
  local name=$1 ready=$2 dir=$3; shift 3
  local log="$dir/$name.log"
  local t0; t0=$(date +%s%N)
  java "$@" --server.port=$port --spring.mail.port=$smtp \
       "--spring.datasource.url=jdbc:h2:file:$dir/duban;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    if grep -q "$ready" "$log"; then break; fi
    if ! kill -0 $pid 2>/dev/null; then echo "$name died, see $log" >&2; exit 1; fi
    sleep 0.1
  done
  local t1; t1=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $(( rss / 1024 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A ms rss
for r in $(seq 1 "$rounds"); do
  d=$(mktemp -d)
  read -r t m < <(run bare "Started BareCamundaApplication" "$d" \
      -Dloader.path=target/test-classes,BOOT-INF/classes,BOOT-INF/lib -Dloader.main=cn.duban.bench.BareCamundaApplication \
      -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher --spring.flyway.enabled=false)
  ms[bare]+="$t "; rss[bare]+="$m "
  d=$(mktemp -d)
  read -r t m < <(run fresh "duban 督办 is running with demo data" "$d" -jar "$jar" --spring.profiles.active=demo)
  ms[fresh]+="$t "; rss[fresh]+="$m "
  read -r t m < <(run restart "duban 督办 is running with demo data" "$d" -jar "$jar" --spring.profiles.active=demo)
  ms[restart]+="$t "; rss[restart]+="$m "
done

base_ms=$(echo ${ms[bare]} | tr ' ' '\n' | median)
base_rss=$(echo ${rss[bare]} | tr ' ' '\n' | median)
echo
echo "Start-up on $(nproc) cores, $(java -version 2>&1 | head -1), median of $rounds"
echo "| run | start-up ms | × bare | RSS MiB | × bare |"
echo "| --- | ---: | ---: | ---: | ---: |"
for k in bare fresh restart; do
  t=$(echo ${ms[$k]} | tr ' ' '\n' | median); m=$(echo ${rss[$k]} | tr ' ' '\n' | median)
  label=$([ $k = bare ] && echo "bare Camunda, fresh H2 (baseline)" || ([ $k = fresh ] && echo "duban demo, fresh H2" || echo "duban demo, restart on its H2"))
  echo "| $label | $t | $(awk -v a=$t -v b=$base_ms 'BEGIN {printf "%.2f", a/b}') | $m | $(awk -v a=$m -v b=$base_rss 'BEGIN {printf "%.2f", a/b}') |"
done
