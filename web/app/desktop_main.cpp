// mml-desktop: the figures in a native window, for development and for readers who want them
// offline. GLFW opens an OpenGL ES 3.0 context (Mesa's EGL on Linux), so the very renderer and
// GLSL ES shaders of the web build draw here too. One figure at a time:
//   mml-desktop [figure-id] [name=value&...]      PageUp / PageDown switch figures
//   mml-desktop <id> [query] --screenshot out.png  render a few frames, save them, exit (tests)
#include <GLES3/gl3.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "web/app/figure_host.hpp"
#include "web/app/gl_renderer.hpp"
#include "web/app/raster.hpp"
#include "web/plot/theme.hpp"

namespace {

struct App {
  std::size_t index = 0;
  std::unique_ptr<mml::FigureHost> host;
  GLFWwindow* window = nullptr;
  bool dark = false;
};
App g_app;

mml::HostKey host_key(int key, bool* known) {
  *known = true;
  switch (key) {
    case GLFW_KEY_TAB: return mml::HostKey::Tab;
    case GLFW_KEY_LEFT: return mml::HostKey::Left;
    case GLFW_KEY_RIGHT: return mml::HostKey::Right;
    case GLFW_KEY_UP: return mml::HostKey::Up;
    case GLFW_KEY_DOWN: return mml::HostKey::Down;
    case GLFW_KEY_HOME: return mml::HostKey::Home;
    case GLFW_KEY_END: return mml::HostKey::End;
    case GLFW_KEY_DELETE: return mml::HostKey::Delete;
    case GLFW_KEY_BACKSPACE: return mml::HostKey::Backspace;
    case GLFW_KEY_SPACE: return mml::HostKey::Space;
    case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER: return mml::HostKey::Enter;
    case GLFW_KEY_ESCAPE: return mml::HostKey::Escape;
    case GLFW_KEY_A: return mml::HostKey::A;
    case GLFW_KEY_C: return mml::HostKey::C;
    case GLFW_KEY_V: return mml::HostKey::V;
    case GLFW_KEY_X: return mml::HostKey::X;
    case GLFW_KEY_Y: return mml::HostKey::Y;
    case GLFW_KEY_Z: return mml::HostKey::Z;
    default: *known = false; return mml::HostKey::Tab;
  }
}

int modifiers(int mods) {
  return (mods & GLFW_MOD_SHIFT ? mml::Mod_Shift : 0) | (mods & GLFW_MOD_CONTROL ? mml::Mod_Ctrl : 0) |
         (mods & GLFW_MOD_ALT ? mml::Mod_Alt : 0) | (mods & GLFW_MOD_SUPER ? mml::Mod_Super : 0);
}

void resize_host() {
  int w = 0, h = 0, fw = 0, fh = 0;
  glfwGetWindowSize(g_app.window, &w, &h);
  glfwGetFramebufferSize(g_app.window, &fw, &fh);
  g_app.host->resize(float(w), float(h), w > 0 ? float(fw) / float(w) : 1.0f);
}

void open_figure(std::size_t index, const std::string& query) {
  const auto figures = mml::all_figures();
  g_app.index = index % figures.size();
  const mml::FigureInfo& info = figures[g_app.index];
  g_app.host = std::make_unique<mml::FigureHost>(info);
  std::vector<std::string> errors;
  g_app.host->configure(query, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "mml-desktop: %s\n", e.c_str());
  g_app.host->set_theme(g_app.dark);
  g_app.host->set_focus(true);
  const std::string title = std::string("MML Companion: ") + info.title + "  (PageUp / PageDown: other figures)";
  glfwSetWindowTitle(g_app.window, title.c_str());
  resize_host();
}

void install_callbacks(GLFWwindow* w) {
  glfwSetCursorPosCallback(w, [](GLFWwindow*, double x, double y) { g_app.host->pointer_move(float(x), float(y)); });
  glfwSetCursorEnterCallback(w, [](GLFWwindow*, int entered) {
    if (!entered) g_app.host->pointer_leave();
  });
  glfwSetMouseButtonCallback(w, [](GLFWwindow*, int button, int action, int) {
    const int b = button == GLFW_MOUSE_BUTTON_RIGHT ? 1 : button == GLFW_MOUSE_BUTTON_MIDDLE ? 2 : 0;
    g_app.host->pointer_button(b, action == GLFW_PRESS);
  });
  glfwSetScrollCallback(w, [](GLFWwindow*, double dx, double dy) { g_app.host->wheel(float(dx), float(dy)); });
  glfwSetCharCallback(w, [](GLFWwindow*, unsigned codepoint) { g_app.host->text(codepoint); });
  glfwSetWindowFocusCallback(w, [](GLFWwindow*, int focused) { g_app.host->set_focus(focused != 0); });
  glfwSetWindowSizeCallback(w, [](GLFWwindow*, int, int) { resize_host(); });
  glfwSetKeyCallback(w, [](GLFWwindow*, int key, int, int action, int mods) {
    if (action == GLFW_PRESS && (key == GLFW_KEY_PAGE_UP || key == GLFW_KEY_PAGE_DOWN)) {
      const std::size_t n = mml::all_figures().size();
      open_figure(g_app.index + (key == GLFW_KEY_PAGE_DOWN ? 1 : n - 1), "");
      return;
    }
    bool known = false;
    const mml::HostKey k = host_key(key, &known);
    if (known && action != GLFW_REPEAT) g_app.host->key(k, action == GLFW_PRESS, modifiers(mods));
  });
}

bool save_screenshot(const char* path) {
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(g_app.window, &fw, &fh);
  mml::Image image;
  image.width = fw;
  image.height = fh;
  image.rgba.resize(std::size_t(fw) * std::size_t(fh) * 4);
  glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // GL rows run bottom to top.
  for (int y = 0; y < fh / 2; ++y)
    std::swap_ranges(image.rgba.begin() + std::ptrdiff_t(y) * fw * 4, image.rgba.begin() + std::ptrdiff_t(y + 1) * fw * 4,
                     image.rgba.begin() + std::ptrdiff_t(fh - 1 - y) * fw * 4);
  const auto png = mml::encode_png(image);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
  return bool(out);
}

}  // namespace

int main(int argc, char** argv) {
  std::string id, query;
  const char* screenshot = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--screenshot") == 0 && i + 1 < argc) screenshot = argv[++i];
    else if (std::strcmp(argv[i], "--dark") == 0) g_app.dark = true;
    else if (id.empty()) id = argv[i];
    else query = argv[i];
  }
  std::size_t index = 0;
  if (!id.empty()) {
    const mml::FigureInfo* info = mml::find_figure(id);
    if (!info) {
      std::fprintf(stderr, "mml-desktop: unknown figure \"%s\"; figures: %s\n", id.c_str(), mml::figure_ids().c_str());
      return 2;
    }
    index = std::size_t(info - mml::all_figures().data());
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "mml-desktop: no display (GLFW could not start)\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  const mml::FigureInfo& first = mml::all_figures()[index];
  const int width = 1100, height = int(1100 / first.aspect);
  g_app.window = glfwCreateWindow(width, height, "MML Companion", nullptr, nullptr);
  if (!g_app.window) {
    std::fprintf(stderr, "mml-desktop: could not open an OpenGL ES 3.0 window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(g_app.window);
  glfwSwapInterval(1);
  int status = 0;
  {
    mml::GlRenderer renderer;
    if (!renderer.init()) {
      std::fprintf(stderr, "mml-desktop: %s\n", renderer.error());
      status = 1;
    } else {
      open_figure(index, query);
      install_callbacks(g_app.window);
      int frames = 0;
      while (!glfwWindowShouldClose(g_app.window)) {
        // Idle figures wait for input instead of spinning, as on the web.
        if (g_app.host->needs_frame() || screenshot) {
          g_app.host->frame(glfwGetTime());
          const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(mml::plot::theme(g_app.dark).background);
          const float clear[4] = {bg.x, bg.y, bg.z, 1};
          renderer.render(g_app.host->draw_data(), clear);
          if (screenshot && ++frames == 5) {
            status = save_screenshot(screenshot) ? 0 : 1;
            break;
          }
          glfwSwapBuffers(g_app.window);
          glfwPollEvents();
        } else {
          glfwWaitEvents();
        }
      }
    }
    g_app.host.reset();
  }
  glfwDestroyWindow(g_app.window);
  glfwTerminate();
  return status;
}
