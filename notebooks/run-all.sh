#!/usr/bin/env bash
# notebooks/run-all.sh: installs the Java Jupyter kernel for this project and executes every
# notebooks/*.ipynb headless, in name order, into target/executed-notebooks/. Exits non-zero when a
# cell of any notebook fails. Needs Debian's jupyter-nbconvert, python3-nbclient and jupyter-client
# (.ci/run installs them).
#
#   notebooks/run-all.sh                  # install the kernel, run all notebooks
#   notebooks/run-all.sh --install-only   # install the kernel only (to open the notebooks in Jupyter)
#   notebooks/run-all.sh notebooks/02-*.ipynb
#
# The kernel is rapaio-jupyter-kernel from Maven Central, fetched with Maven like any dependency
# (nothing else is downloaded). It is installed into target/jupyter/kernels/java-spark; point
# Jupyter at it with JUPYTER_PATH=target/jupyter. Its JVM gets the project's classes and compile
# class path (Spark included), Spark's Java 17 flags from pom.xml, and the ./mixnet defaults:
# local Spark on loopback, the embedded catalog (metastore_db/ and spark-warehouse/ in the project
# folder), PyTorch natives from the Maven jars, logs in target/notebook-spark.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/target"
KERNEL_NAME=java-spark
KERNEL_DIR="$TARGET/jupyter/kernels/$KERNEL_NAME"
KERNEL_VERSION=3.0.1
KERNEL_JAR="rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
MVN=(mvn -B -q -Dstyle.color=never)

install_only=false
notebooks=()
for arg in "$@"; do
  case "$arg" in
    --install-only) install_only=true ;;
    *) notebooks+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")") ;;
  esac
done

cd "$ROOT"
echo "notebooks: building the project class path and installing the $KERNEL_NAME kernel" >&2
"${MVN[@]}" -DskipTests compile dependency:build-classpath \
    -Dmdep.outputFile="$TARGET/notebook-classpath.txt" -Dmdep.includeScope=compile >&2
mkdir -p "$KERNEL_DIR"
if [ ! -f "$KERNEL_DIR/$KERNEL_JAR" ]; then
  "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" -DoutputDirectory="$KERNEL_DIR" >&2
fi

# Spark writes its logs from background threads; the kernel rebinds System.err per cell, so a
# console appender floods stderr with "No bound env at flush". Logs go to a file instead.
cat > "$KERNEL_DIR/log4j2.properties" <<EOF
rootLogger.level = warn
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = $TARGET/notebook-spark.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss} %level %c{1}: %msg%n%ex
EOF

# The JVM flags spark-submit adds on Java 17: the one list in pom.xml (spark.jvm.opens).
jvm_opens="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)"
[ -n "$jvm_opens" ] || { echo "notebooks: spark.jvm.opens not found in pom.xml" >&2; exit 1; }
json_list() { # words -> "a", "b", ...
  local out="" w
  for w in "$@"; do out+="${out:+, }\"$w\""; done
  printf '%s' "$out"
}
# shellcheck disable=SC2086
jvm_args="$(json_list ${MIXNET_NOTEBOOK_JAVA_OPTS:--Xmx4g} $jvm_opens -Djava.awt.headless=true -Dai.djl.offline=true \
    "-Dmixnet.home=$ROOT" "-Dderby.stream.error.file=$TARGET/derby.log" \
    "-Dlog4j2.configurationFile=$KERNEL_DIR/log4j2.properties")"
# The project's classes and dependencies go on the kernel JVM's own class path, which JShell also
# compiles against (quieter than RJK_CLASSPATH, which logs a line per jar).
classpath="$KERNEL_DIR/$KERNEL_JAR:$TARGET/classes:$(cat "$TARGET/notebook-classpath.txt")"
cat > "$KERNEL_DIR/kernel.json" <<EOF
{
  "argv": ["java", $jvm_args, "-cp", "$classpath", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
  "display_name": "Java 17 + Spark (mixnet-spark)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_TIMEOUT_MILLIS": "-1",
    "RJK_COMPILER_OPTIONS": "",
    "RJK_INIT_SCRIPT": "",
    "SPARK_LOCAL_IP": "127.0.0.1",
    "OMP_WAIT_POLICY": "PASSIVE",
    "OPT_OUT_TRACKING": "true"
  }
}
EOF
echo "notebooks: kernel $KERNEL_NAME installed; open the notebooks with JUPYTER_PATH=$TARGET/jupyter" >&2
$install_only && exit 0

if [ ${#notebooks[@]} -eq 0 ]; then
  notebooks=("$ROOT"/notebooks/*.ipynb)
fi
export JUPYTER_PATH="$TARGET/jupyter"
out="$TARGET/executed-notebooks"
mkdir -p "$out"
passed=0
failed=0
# Runs one notebook; the executed copy goes to $out. Returns nbconvert's status (pipefail).
execute() {
  jupyter nbconvert --to notebook --execute "$1" --output-dir "$out" \
      --ExecutePreprocessor.kernel_name="$KERNEL_NAME" --ExecutePreprocessor.timeout=900 \
      --ExecutePreprocessor.startup_timeout=30 2>&1 | tee "$out/nbconvert.log" >&2
}
for nb in "${notebooks[@]}"; do
  start=$SECONDS
  # rapaio-jupyter-kernel 3.0.1 starts its shell loop before it registers its message handlers: a
  # kernel_info request that arrives in between kills that loop (NullPointerException in
  # Channels.getHandler) and nbconvert gives up with "Kernel didn't respond". That is a failed kernel
  # start, not a failed notebook: start it again (each start loses with some probability, up to half the
  # time on a busy 2-core machine), up to 6 starts.
  for attempt in 1 2 3 4 5 6; do
    status=0
    execute "$nb" || status=$?
    [ "$status" -ne 0 ] && grep -q "Kernel didn't respond" "$out/nbconvert.log" || break
    echo "notebooks: the kernel did not answer for $(basename "$nb") (start $attempt); starting it again" >&2
  done
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "notebooks: PASSED $(basename "$nb") in $((SECONDS - start)) s"
  else
    failed=$((failed + 1))
    echo "notebooks: FAILED $(basename "$nb") after $((SECONDS - start)) s (Spark's log: $TARGET/notebook-spark.log)"
  fi
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
