// One include, compiled against one layer's target by the layering tests (tests/CMakeLists.txt):
// PROBE_HEADER names a header that layer may include, or one it must not reach.
#include PROBE_HEADER
