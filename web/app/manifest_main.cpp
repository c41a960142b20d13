// mml-manifest: prints the figure manifest (web/app/manifest.hpp) for the page generator.
#include <cstdio>

#include "web/app/manifest.hpp"

int main() {
  const std::string json = mml::manifest_json();
  return std::fputs(json.c_str(), stdout) >= 0 ? 0 : 1;
}
