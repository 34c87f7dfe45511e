#!/usr/bin/env bash
# Builds DAN_G Console packages from the Maven build output:
#   1. a trimmed Java runtime with JavaFX linked in as modules (jlink, from the JavaFX jars Maven
#      fetched: no separate JavaFX SDK needed),
#   2. jpackage: an app-image (a folder that runs on any Linux of the supported class) or a .deb
#      that declares its system libraries (GTK for windows, libgomp for XGBoost, OpenBLAS for Smile).
# Usage: installer/package.sh app-image|deb [OUT_DIR]     (needs JDK 25 in JAVA_HOME and a built app)
# The sample data and the licence files travel inside the package (lib/sample-plant-data, lib/docs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="${1:-app-image}"
OUT="${2:-$ROOT/installer/target}"
VERSION="0.1.0"
NAME="dang-console"
LIB="$ROOT/app/target/lib"
JAVA_HOME="${JAVA_HOME:?set JAVA_HOME to a JDK 25 (./dang does)}"
JLINK="$JAVA_HOME/bin/jlink"
JPACKAGE="$JAVA_HOME/bin/jpackage"

case "$TYPE" in app-image|deb) ;; *) echo "package.sh: type must be app-image or deb, not '$TYPE'" >&2; exit 2;; esac
[ -f "$ROOT/app/target/dang-app.jar" ] && [ -d "$LIB" ] || { echo "package.sh: build first (./dang build)" >&2; exit 1; }
[ -x "$JPACKAGE" ] || { echo "package.sh: $JPACKAGE not found; JAVA_HOME must be a full JDK 25" >&2; exit 1; }

WORK="$OUT/work-$TYPE"
rm -rf "$WORK" "$OUT/$NAME" && mkdir -p "$WORK/input" "$WORK/docs" "$OUT"

# JavaFX goes into the runtime as modules (no "unnamed module" warning, natives found); the rest
# is the class path.
FX_JARS="$(ls "$LIB"/javafx-*-linux.jar | tr '\n' ':')"
find "$LIB" -maxdepth 1 -name '*.jar' ! -name 'javafx-*' -exec cp {} "$WORK/input/" \;
cp "$ROOT/app/target/dang-app.jar" "$WORK/input/"

echo "package.sh: linking the runtime ..."
"$JLINK" --module-path "$FX_JARS" \
  --add-modules java.se,jdk.unsupported,jdk.httpserver,jdk.crypto.ec,jdk.zipfs,jdk.management,javafx.controls,javafx.swing \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 --output "$WORK/runtime"

cp "$ROOT/LICENSE" "$ROOT/THIRD-PARTY-NOTICES.md" "$ROOT/README.md" "$WORK/docs/"
cp -r "$ROOT/docs/." "$WORK/docs/"

ARGS=(--type "$TYPE" --name "$NAME" --app-version "$VERSION" --vendor "DAN_G Console developers"
  --description "Operator console for refinery control rooms with an embedded orchestration engine"
  --copyright "GPL-3.0-or-later" --icon "$ROOT/ui-resources/src/main/resources/org/dang/ui/icons/dang-console.png"
  --runtime-image "$WORK/runtime" --input "$WORK/input" --main-jar dang-app.jar --main-class org.dang.app.Dang
  --app-content "$ROOT/sample-plant-data" --app-content "$WORK/docs"
  --java-options '--enable-native-access=ALL-UNNAMED'
  --java-options '--sun-misc-unsafe-memory-access=allow'
  --java-options '-Ddang.home=$APPDIR/..'
  --java-options '-Dai.djl.offline=true'
  --dest "$OUT")
if [ "$TYPE" = deb ]; then
  # JavaFX's GTK and the native libraries of XGBoost and Smile are system packages jpackage cannot see.
  ARGS+=(--linux-package-deps "libgtk-3-0, libgomp1, libopenblas-dev" --linux-shortcut
    --linux-menu-group "Science;Engineering" --linux-app-category science --license-file "$ROOT/LICENSE"
    --linux-deb-maintainer "dang-console@localhost")
fi
echo "package.sh: jpackage --type $TYPE ..."
"$JPACKAGE" "${ARGS[@]}"
if [ "$TYPE" = app-image ]; then
  echo "package.sh: app-image at $OUT/$NAME (run $OUT/$NAME/bin/$NAME, or $NAME self-test)"
else
  echo "package.sh: $(ls "$OUT"/*.deb)"
fi
