#pragma once
// The figure manifest: every figure's id, title, summary, aspect and parameters as JSON. The page
// generator validates chapters against it and builds the gallery and embedding guide from it.
#include <string>
#include <string_view>

namespace mml {

std::string manifest_json();
std::string json_string(std::string_view text);  // a quoted, escaped JSON string

}  // namespace mml
