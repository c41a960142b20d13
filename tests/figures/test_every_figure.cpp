// Every figure in the registry, driven headless: default frames at wide and narrow sizes, drags
// from a grid of start points, keyboard use, state round-trips through the URL form, and idling
// (no frames requested once input stops).
#include <catch2/catch.hpp>
#include <imgui.h>

#include <set>
#include <string>
#include <vector>

#include "web/app/figure_host.hpp"
#include "web/app/manifest.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/figure_files.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::settle;

namespace {

struct Size {
  float w, h;
};

// One test case per figure file (from the list web/CMakeLists.txt generates, as the registry
// does), "every figure draws, takes drags and keys, and goes idle (basis_images.cpp)", tagged
// with the figure's file so that ctest runs it with that figure's other headless tests
// ("figures: basis_images.cpp", tests/figures/CMakeLists.txt).
void exercise(const FigureInfo& info) {
  for (const Size size : {Size{900, 900 / info.aspect}, Size{360, 360 / info.narrow_aspect}}) {
    CAPTURE(info.id, size.w, size.h);
    FigureHost host(info);
    double time = 0;
    host.resize(size.w, size.h, 2);
    REQUIRE(settle(host, &time) < 60);
    REQUIRE(host.draw_data() != nullptr);
    CHECK(host.draw_data()->TotalVtxCount > 100);  // it drew something substantial
    CHECK_FALSE(host.describe().empty());

    // Drags from a grid over the whole canvas, in both themes.
    for (int row = 0; row < 6; ++row)
      for (int col = 0; col < 8; ++col) {
        host.set_theme((row + col) % 2 == 1);
        drag(host, &time, size.w * (col + 0.5f) / 8, size.h * (row + 0.5f) / 6, 37, -23);
      }
    // Keyboard: focus, Tab through widgets, nudge with arrows, Escape.
    host.set_focus(true);
    for (HostKey key : {HostKey::Tab, HostKey::Tab, HostKey::Right, HostKey::Up, HostKey::Left,
                        HostKey::Down, HostKey::Space, HostKey::Escape}) {
      host.key(key, true, 0);
      host.frame(time += 1.0 / 60);
      host.key(key, false, 0);
      host.frame(time += 1.0 / 60);
    }
    host.set_focus(false);
    host.pointer_leave();
    const int idle_after = settle(host, &time);
    CHECK(idle_after <= 5);
    const std::uint64_t frames = host.frame_count();
    CHECK_FALSE(host.needs_frame());
    CHECK(host.frame_count() == frames);

    // Whatever state the drags left is valid URL state for a fresh figure.
    const std::string state = host.state();
    FigureHost copy(info);
    std::vector<std::string> errors;
    CHECK(copy.configure(state, &errors));
    CHECK(errors.empty());
    CHECK(copy.state() == state);
    CHECK(copy.describe() == host.describe());
    host.reset();
    CHECK(host.state().empty());
  }
}

}  // namespace

#define MML_FIGURE_ENTRY(file_name)                                                              \
  TEST_CASE("every figure draws, takes drags and keys, and goes idle (" #file_name ".cpp)",  \
            "[per-figure][figure-" #file_name "]") {                                          \
    exercise(figures::figure_info_##file_name());                                                \
  }
#include "figure_list.inc"
#undef MML_FIGURE_ENTRY

TEST_CASE("bad parameters leave the figure at its defaults with messages naming valid values") {
  const FigureInfo* info = find_figure("basis-images");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  std::vector<std::string> errors;
  CHECK_FALSE(host.configure("a=nan,1&b=1,2,3&c=4&b=0.5,0.5", &errors));
  REQUIRE(errors.size() == 3);
  CHECK(host.state() == "b=0.5,0.5");
  for (const std::string& e : errors) CHECK_FALSE(e.empty());
  CHECK(errors[2].find("valid parameters: a, b") != std::string::npos);
}

// A name declared twice could never be set from an attribute or a link (the first one wins).
TEST_CASE("every figure names each of its parameters once") {
  for (const FigureInfo& info : all_figures()) {
    const auto figure = info.make();
    std::set<std::string> names;
    for (const ParamSpec& spec : figure->params().specs()) {
      INFO(info.id << ": " << spec.name);
      CHECK(names.insert(spec.name).second);
    }
  }
}

TEST_CASE("the manifest lists every figure with its parameters") {
  const std::string json = manifest_json();
  for (const FigureInfo& info : all_figures())
    CHECK(json.find("\"id\": \"" + std::string(info.id) + "\"") != std::string::npos);
  CHECK(json.find("\"name\": \"a\", \"type\": \"vec2\", \"default\": \"1,0\"") != std::string::npos);
  // The names no parameter may have (core/params.cpp), for the element and the site generator,
  // and each parameter's step (0: none, the page's control picks one from the range).
  CHECK(json.find("\"reservedNames\": [\"name\", \"class\", ") != std::string::npos);
  CHECK(json.find("\"reservedPrefixes\": [\"data-\", \"aria-\"]") != std::string::npos);
  CHECK(json.find("\"step\": 0, \"options\": []") != std::string::npos);
  CHECK(json_string("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
}


TEST_CASE("the manifest carries the numbers the page and the module share") {
  const std::string host = host_constants_json();
  CHECK(manifest_json().find("\"host\": " + host) != std::string::npos);
  // The element maps DOM events with these tables (web/js/mml-figure.js): spot checks against the
  // enums mml_key, mml_pointer and mml_set_cursor take.
  CHECK(host.find("\"Escape\": " + std::to_string(int(HostKey::Escape))) != std::string::npos);
  CHECK(host.find("\" \": " + std::to_string(int(HostKey::Space))) != std::string::npos);
  CHECK(host.find("\"z\": " + std::to_string(int(HostKey::Z)) + "}") != std::string::npos);
  CHECK(host.find("\"metaKey\": " + std::to_string(Mod_Super)) != std::string::npos);
  CHECK(host.find("\"leave\": " + std::to_string(int(PointerEvent::Leave))) != std::string::npos);
  CHECK(host.find("\"buttons\": [0, 2, 1]") != std::string::npos);  // DOM middle (1) is ImGui's 2
  CHECK(host.find("\"nesw-resize\", \"nwse-resize\", \"pointer\"") != std::string::npos);
  CHECK(ImGuiMouseCursor_Hand == 7);  // "pointer" above is the eighth
}
