#pragma once
// The figure manifest: every figure's id, title, summary, aspect and parameters as JSON, and the
// constants web/js/mml-figure.js shares with the module. The page generator validates chapters
// against it, builds the gallery and embedding guide from it, and puts it into mml-figure.js.
#include <string>
#include <string_view>

namespace mml {

std::string manifest_json();
// The constants the page and the module share (figure_host.hpp), as the manifest's "host": DOM key
// names → HostKey, modifier bits, pointer event kinds, DOM button → host button, CSS cursors.
std::string host_constants_json();
std::string json_string(std::string_view text);  // a quoted, escaped JSON string

}  // namespace mml
