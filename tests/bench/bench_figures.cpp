// Prints each figure's native frame time at its default state (target: under 1 ms), with the
// pointer moving so every frame does real work, plus the cost of rendering a poster.
// Not a test: numbers, for people. Build type matters: use a Release build for real figures
//   cmake -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/bench --target mml_bench
#include <imgui.h>

#include <chrono>
#include <cstdio>

#include "web/app/figure_host.hpp"
#include "web/app/raster.hpp"

int main() {
#ifdef NDEBUG
  const char* build = "optimized";
#else
  const char* build = "DEBUG (numbers not representative)";
#endif
  std::printf("figure frame times, native, %s build\n", build);
  std::printf("%-24s %10s %10s %12s\n", "figure", "mean ms", "max ms", "vertices");
  using clock = std::chrono::steady_clock;
  for (const mml::FigureInfo& info : mml::all_figures()) {
    mml::FigureHost host(info);
    host.resize(900, 900 / info.aspect, 2);
    double time = 0;
    for (int i = 0; i < 10; ++i) host.frame(time += 1.0 / 60);  // warm up: fonts, layout
    const int frames = 500;
    double total = 0, worst = 0;
    for (int i = 0; i < frames; ++i) {
      host.pointer_move(float(i % 900), float((i * 7) % 500));
      const auto start = clock::now();
      host.frame(time += 1.0 / 60);
      const double ms = std::chrono::duration<double, std::milli>(clock::now() - start).count();
      total += ms;
      if (ms > worst) worst = ms;
    }
    std::printf("%-24s %10.3f %10.3f %12d%s\n", info.id, total / frames, worst,
                host.draw_data()->TotalVtxCount, total / frames < 1 ? "" : "  (over the 1 ms target)");
  }
  return 0;
}
