// mml-poster: renders figures natively (software rasterizer, no browser) into PNG posters: the
// image a figure shows before it mounts, in print, and where WebGL2 is missing.
// Reads one job per line from stdin:
//   <out.png> <figure-id> <css-width> <css-height> <pixel-ratio> <light|dark> [name=value&...]
// Exits non-zero, naming the line, on an unknown figure or a bad parameter.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "web/app/figure_host.hpp"
#include "web/app/raster.hpp"

int main() {
  std::string line;
  int line_number = 0, written = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::istringstream in(line);
    std::string out, id, theme, query;
    float width = 0, height = 0, ratio = 0;
    in >> out >> id >> width >> height >> ratio >> theme;
    std::getline(in >> std::ws, query);
    const mml::FigureInfo* info = mml::find_figure(id);
    auto fail = [&](const std::string& message) {
      std::cerr << "mml-poster: line " << line_number << ": " << message << "\n";
      return 1;
    };
    if (!in && !in.eof()) return fail("expected: out.png figure-id width height ratio light|dark [query]");
    if (!info) return fail("unknown figure \"" + id + "\"; figures: " + mml::figure_ids());
    if (!(width >= 16 && width <= 4096 && height >= 16 && height <= 4096 && ratio >= 0.5 && ratio <= 4))
      return fail("size out of range (16..4096 CSS pixels, pixel ratio 0.5..4)");
    mml::FigureHost host(*info);
    std::vector<std::string> errors;
    if (!host.configure(query, &errors)) return fail(errors.front());
    host.resize(width, height, ratio);
    const bool dark = theme == "dark";
    host.set_theme(dark);
    mml::settle_for_poster(host);
    const auto png = mml::encode_png(mml::rasterize_figure(host, dark));
    std::ofstream file(out, std::ios::binary);
    file.write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
    if (!file) return fail("could not write " + out);
    ++written;
  }
  std::printf("mml-poster: %d posters\n", written);
  return 0;
}
