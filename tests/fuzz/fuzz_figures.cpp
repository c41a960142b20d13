// libFuzzer target for every figure end to end, through the figure host the WebAssembly C API
// (web/app/wasm_main.cpp) drives: the same calls mml_configure, mml_state, mml_pointer, mml_key,
// mml_wheel, mml_text, mml_resize, mml_reset and mml_frame make, natively and headless.
// Input: "<figure-id>?<query>" up to the first newline (an unknown id picks a figure by its
// bytes, so every input reaches one), then bytes read as scripted input: pointer moves, presses
// and releases, wheel, keys, typed characters, resizes, theme, focus, reduced motion, reset, and
// frames. The query is what element attributes and page URLs carry; through it come all the data
// the figures accept (formulas such as line-fit's points, loss functions, seeds, sizes).
// Besides "never crash, hang, leak or hit undefined behaviour" it checks, for every input:
//  - the state the figure writes back (mml_state, what goes into page URLs and snippets) is
//    accepted by a fresh instance of the same figure without a single error and reads back the
//    same, after configuring and again after the scripted input;
//  - describe() (the live screen-reader text) is never empty;
//  - a figure asks for no more frames once its animation ends (no endless frame loop: idle within
//    a bounded number of frames unless it is animating).
// Run by scripts/fuzz.sh; a failing input becomes a regression test in tests/figures/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/app/figure_host.hpp"

namespace {

using mml::FigureHost;
using mml::FigureInfo;

void require(bool condition, const char* what, const FigureInfo& info, const std::string& detail) {
  if (condition) return;
  std::fprintf(stderr, "fuzz_figures: %s: %s: %s\n", info.id, what, detail.c_str());
  std::abort();
}

const FigureInfo& pick(std::string_view id) {
  if (const FigureInfo* info = mml::find_figure(id)) return *info;
  const auto figures = mml::all_figures();
  std::uint32_t h = 2166136261u;  // FNV-1a of the unknown id
  for (unsigned char c : id) h = (h ^ c) * 16777619u;
  return figures[h % figures.size()];
}

// The state must survive a trip through a fresh instance of the figure exactly (the URL
// contract). The fresh instance needs no ImGui context: the state is its parameters.
void check_state_round_trip(FigureHost& host, const char* when) {
  const std::string state = host.state();
  const std::unique_ptr<mml::Figure> fresh = host.info().make();
  std::vector<std::string> errors;
  const bool ok = fresh->params().apply_query(state, &errors);
  require(ok && errors.empty(), when, host.info(),
          "state \"" + state + "\" refused: " + (errors.empty() ? "" : errors.front()));
  require(fresh->params().to_query() == state, when, host.info(),
          "state \"" + state + "\" reads back as \"" + fresh->params().to_query() + "\"");
}

// Reads the scripted input a byte at a time (0 when it runs out).
struct Script {
  const std::uint8_t* p;
  const std::uint8_t* end;
  bool more() const { return p < end; }
  std::uint8_t byte() { return p < end ? *p++ : 0; }
  float unit() { return byte() / 255.0f; }  // [0, 1]
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view head = input.substr(0, newline);
  const std::size_t mark = head.find('?');
  const FigureInfo& info = pick(head.substr(0, mark));
  const std::string_view query = mark == std::string_view::npos ? "" : head.substr(mark + 1);

  FigureHost host(info);
  std::vector<std::string> errors;
  const bool ok = host.configure(query, &errors);
  require(ok == errors.empty(), "configure's result disagrees with its errors", info, std::string(query));
  for (const auto& e : errors) require(!e.empty(), "an empty error message", info, std::string(query));
  check_state_round_trip(host, "after configure");

  float width = 640, height = width / info.aspect;
  host.resize(width, height, 1);
  double time = 0;
  auto frame = [&] { host.frame(time += 1.0 / 60); };
  frame();

  Script s{data + (newline == std::string_view::npos ? size : newline + 1), data + size};
  int frames = 0;
  for (int events = 0; s.more() && events < 40 && frames < 16; ++events) {
    switch (s.byte() % 14) {
      case 0:
      case 1: host.pointer_move(s.unit() * width * 1.1f - 4, s.unit() * height * 1.1f - 4); break;
      case 2: host.pointer_button(s.byte() % 4, true); break;
      case 3: host.pointer_button(s.byte() % 4, false); break;
      case 4: host.wheel((s.byte() - 128) / 16.0f, (s.byte() - 128) / 16.0f); break;
      case 5: host.key(mml::HostKey(s.byte() % (int(mml::HostKey::Count) + 1)), true, s.byte() % 16); break;
      case 6: host.key(mml::HostKey(s.byte() % (int(mml::HostKey::Count) + 1)), false, s.byte() % 16); break;
      case 7: host.text(s.byte() < 128 ? s.byte() : 0x370 + s.byte()); break;
      case 8:
        width = 120 + s.unit() * 1200;
        height = 90 + s.unit() * 900;
        // Another pixel ratio rebuilds the shared font atlas (slow): only now and then.
        host.resize(width, height, s.byte() % 8 == 0 ? 0.5f + s.unit() * 3.5f : 1);
        break;
      case 9: host.set_theme(s.byte() & 1); break;
      case 10: host.set_focus(s.byte() & 1); break;
      case 11: host.set_reduced_motion(s.byte() & 1); break;
      case 12: host.reset(); break;
      default: {  // a few frames, as the page runs them while something changes
        const int n = 1 + s.byte() % 4;
        for (int i = 0; i < n; ++i, ++frames) frame();
      }
    }
    if (s.byte() & 1) frame(), ++frames;
  }
  for (int b = 0; b < 3; ++b) host.pointer_button(b, false);
  host.pointer_leave();
  host.set_focus(false);
  // Settle: without input a figure must go idle, unless an animation is running (its own end).
  int settle = 0;
  for (; settle < 20 && host.needs_frame() && !host.figure().animating(); ++settle) frame();
  require(!host.needs_frame() || host.figure().animating(), "still asks for frames without input",
          info, host.state());
  require(!host.describe().empty(), "an empty description", info, host.state());
  check_state_round_trip(host, "after input");
  return 0;
}
