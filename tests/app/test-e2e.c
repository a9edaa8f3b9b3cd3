/* test-e2e.c: the window driven as a user drives it, with real pointer and
 * key events from the X server.
 *
 * The window runs in this process, so the test can ask GTK where a word or
 * a button is; the events themselves come from xdotool (XTEST), so they
 * reach GTK through the X server exactly as a hand's would, with popovers,
 * grabs and drag thresholds in the way. Calling GTK's API alone cannot see
 * a popover that swallows the next drag. On a failure the screen is saved
 * as a PNG in the build folder, and its path printed.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test.h"
#include "sm-application.h"
#include "sm-span-editor.h"
#include "sm-span-row.h"
#include "sm-text.h"
#include "sm-window.h"

/* How long the window may take to show what a click or a key did */
#define SETTLE_SECONDS 3

static SmApplication *app;

/* The steps of one session share these */
typedef struct
{
  SmWindow         *window;
  SmDocument       *document;
  SmAnnotationView *view;
  char             *path;
  const char       *step;
  gint64            last_click;
} Session;

/* Main loop */

typedef struct
{
  GdkFrameClock *clock;
  gint64         until;
} Frames;

static gboolean
frames_painted (gpointer data)
{
  Frames *frames = data;

  return gdk_frame_clock_get_frame_counter (frames->clock) >= frames->until;
}

/* Waits until @widget's window has painted @n more frames, so what the
 * test measures is what is on the screen */
static gboolean
wait_frames (GtkWidget *widget,
             guint      n)
{
  Frames frames;

  frames.clock = gtk_widget_get_frame_clock (widget);
  if (frames.clock == NULL)
    return FALSE;

  frames.until = gdk_frame_clock_get_frame_counter (frames.clock) + n;
  gtk_widget_queue_draw (widget);

  return app_test_wait_for (frames_painted, &frames, APP_TEST_WAIT_SECONDS);
}

/* Failures: say what went wrong, and keep a picture of it */

static void
save_screenshot (Session *session)
{
  const char *folder = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *name = g_strdup_printf ("test-e2e-failure-%s.png", session->step);
  g_autofree char *path = g_build_filename (folder ? folder : ".", name, NULL);
  const char *argv[] = { "import", "-window", "root", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  /* Let what went wrong reach the screen first; not by waiting for frames,
   * since a window stuck in a drag may draw none */
  app_test_spin (250);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_test_message ("Could not save a screenshot: %s", error->message);
  else
    g_test_message ("Screenshot of the failure: %s", path);
}

static void G_GNUC_PRINTF (2, 3)
fail (Session    *session,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_fail_printf ("step \"%s\": %s", session->step, message);
  save_screenshot (session);
}

/* Messages quote with plain quotes: GTK's tests run in the C locale,
 * where GLib prints curly ones as "?" */

/* Ends the step, failed, unless @condition holds */
#define EXPECT(condition, ...) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        fail (session, __VA_ARGS__); \
        return FALSE; \
      } \
  } G_STMT_END

/* Real input */

/* Runs xdotool with @args, as app_test_run_xdotool() does */
static gboolean
run_xdotool (Session    *session,
             GPtrArray  *args)
{
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, NULL);
  EXPECT (app_test_run_xdotool ((const char * const *) args->pdata, &error), "%s", error->message);

  return TRUE;
}

static void G_GNUC_NULL_TERMINATED
add_args (GPtrArray  *args,
          const char *first,
          ...)
{
  va_list list;

  va_start (list, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (list);
}

/* A point on the screen: in an X window, from its top left corner */
typedef struct
{
  Window window;
  int    x;
  int    y;
} ScreenPoint;

static void
add_move (GPtrArray   *args,
          ScreenPoint *point)
{
  g_ptr_array_add (args, g_strdup ("mousemove"));
  g_ptr_array_add (args, g_strdup ("--window"));
  g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong) point->window));
  g_ptr_array_add (args, g_strdup_printf ("%d", point->x));
  g_ptr_array_add (args, g_strdup_printf ("%d", point->y));
}

/* Where (@x, @y) in @widget's coordinates is on the screen */
static gboolean
locate (GtkWidget   *widget,
        double       x,
        double       y,
        ScreenPoint *point)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y);
  graphene_point_t out;
  GdkSurface *surface;
  double dx, dy;

  if (native == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out))
    return FALSE;

  surface = gtk_native_get_surface (native);
  if (surface == NULL || !gdk_surface_get_mapped (surface))
    return FALSE;

  /* The surface may hold a shadow around the widget */
  gtk_native_get_surface_transform (native, &dx, &dy);
  point->window = gdk_x11_surface_get_xid (surface);
  point->x = (int) (out.x + dx + 0.5);
  point->y = (int) (out.y + dy + 0.5);

  return TRUE;
}

static gboolean
locate_center (GtkWidget   *widget,
               ScreenPoint *point)
{
  return locate (widget,
                 gtk_widget_get_width (widget) / 2.0,
                 gtk_widget_get_height (widget) / 2.0,
                 point);
}

typedef enum
{
  EDGE_START,
  EDGE_MIDDLE,
  EDGE_END,
} Edge;

/* Where the character at @offset is on the screen: its left edge, its
 * middle or its right edge, halfway down its line */
static gboolean
locate_char (SmAnnotationView *view,
             guint             offset,
             Edge              edge,
             ScreenPoint      *point)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter iter;
  GdkRectangle rect;
  GdkRectangle visible;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, offset);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_get_visible_rect (text_view, &visible);
  if (rect.width <= 2 || !gdk_rectangle_intersect (&rect, &visible, NULL))
    return FALSE;

  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  switch (edge)
    {
    case EDGE_START:
      x += 1;
      break;
    case EDGE_MIDDLE:
      x += rect.width / 2;
      break;
    case EDGE_END:
      x += rect.width - 1;
      break;
    default:
      g_assert_not_reached ();
    }

  return locate (GTK_WIDGET (view), x, y + rect.height / 2.0, point);
}

/* A press soon after the last release would count as a double click: lets
 * that time pass, with the window running. (Waiting for a condition on the
 * clock alone would sleep until some other event woke the loop.) */
static void
settle_clicks (Session *session)
{
  int double_click_ms = 400;
  gint64 since;
  gint64 needed;

  g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_ms, NULL);
  since = (g_get_monotonic_time () - session->last_click) / G_TIME_SPAN_MILLISECOND;
  needed = double_click_ms + 100;

  if (since < needed)
    app_test_spin (needed - since);
}

static gboolean
click (Session     *session,
       ScreenPoint *point)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  settle_clicks (session);
  add_move (args, point);
  add_args (args, "click", "1", NULL);
  ok = run_xdotool (session, args);
  session->last_click = g_get_monotonic_time ();

  return ok;
}

/* Presses at @from and moves to @to in a few steps, as a hand does,
 * keeping the button down */
static gboolean
press_and_move (Session     *session,
                ScreenPoint *from,
                ScreenPoint *to)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const int steps = 6;

  g_assert (from->window == to->window);

  settle_clicks (session);
  add_move (args, from);
  add_args (args, "mousedown", "1", "sleep", "0.05", NULL);
  for (int i = 1; i <= steps; i++)
    {
      ScreenPoint step = {
        from->window,
        from->x + (to->x - from->x) * i / steps,
        from->y + (to->y - from->y) * i / steps,
      };

      add_move (args, &step);
      add_args (args, "sleep", "0.03", NULL);
    }

  return run_xdotool (session, args);
}

static gboolean
release (Session *session)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  add_args (args, "mouseup", "1", NULL);
  ok = run_xdotool (session, args);
  session->last_click = g_get_monotonic_time ();

  return ok;
}

/* Presses at @from, moves to @to in a few steps, as a hand does, and releases */
static gboolean
drag (Session     *session,
      ScreenPoint *from,
      ScreenPoint *to)
{
  return press_and_move (session, from, to) && release (session);
}

static gboolean
move_to (Session     *session,
         ScreenPoint *point)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  add_move (args, point);
  return run_xdotool (session, args);
}

/* Drags across the characters [start, end) of the article */
static gboolean
drag_across (Session *session,
             guint    start,
             guint    end)
{
  ScreenPoint from, to;

  EXPECT (locate_char (session->view, start, EDGE_START, &from),
          "character %u of the article is not on the screen", start);
  EXPECT (locate_char (session->view, end - 1, EDGE_END, &to),
          "character %u of the article is not on the screen", end - 1);

  return drag (session, &from, &to);
}

static gboolean
click_char (Session *session,
            guint    offset)
{
  ScreenPoint point;

  EXPECT (locate_char (session->view, offset, EDGE_MIDDLE, &point),
          "character %u of the article is not on the screen", offset);

  return click (session, &point);
}

/* Presses keys, as "ctrl+z", in @widget's window or popover. X gives the
 * keyboard to one window, as a window manager would on a click: with no
 * window manager, a popover that closes can leave it elsewhere */
static gboolean
press_keys (Session    *session,
            GtkWidget  *widget,
            const char *keys)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  add_args (args, "windowfocus", "--sync", NULL);
  g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  add_args (args, "key", "--clearmodifiers", keys, NULL);

  return run_xdotool (session, args);
}

/* Widgets */

/* The visible GtkLabel in @root that reads @text, or starts with it */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = app_test_find_widgets (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), text))
        return label;
    }

  return NULL;
}

/* The popover over a selection, which offers the labels */
static GtkWidget *
get_tag_popover (SmAnnotationView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, "tag-popover"))
      return child;

  return NULL;
}

static gboolean
popover_is_open (gpointer data)
{
  GtkWidget *popover = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));

  return gtk_widget_get_mapped (popover) && surface != NULL && gdk_surface_get_mapped (surface);
}

static gboolean
popover_is_closed (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
wait_popover_open (GtkWidget *popover)
{
  /* Mapped is not yet placed: give it a frame or two on the screen */
  return app_test_wait_for (popover_is_open, popover, APP_TEST_WAIT_SECONDS) && wait_frames (popover, 2);
}

/* The popover a GtkDropDown shows its choices in */
static GtkWidget *
dropdown_popover (GtkWidget *dropdown)
{
  g_autoptr(GPtrArray) popovers = app_test_find_widgets (dropdown, GTK_TYPE_POPOVER, NULL);

  return popovers->len > 0 ? g_ptr_array_index (popovers, 0) : NULL;
}

/* Opens @dropdown with a click and clicks the choice that reads @choice */
static gboolean
choose (Session     *session,
        GtkDropDown *dropdown,
        const char  *choice)
{
  GtkWidget *popover;
  GtkWidget *item;
  ScreenPoint point;

  EXPECT (locate_center (GTK_WIDGET (dropdown), &point), "the dropdown is not on the screen");
  if (!click (session, &point))
    return FALSE;

  popover = dropdown_popover (GTK_WIDGET (dropdown));
  EXPECT (popover != NULL && wait_popover_open (popover),
          "a click on the dropdown did not open its list");
  item = find_label (popover, choice);
  EXPECT (item != NULL && locate_center (item, &point),
          "the dropdown does not offer \"%s\"", choice);
  if (!click (session, &point))
    return FALSE;

  EXPECT (app_test_wait_for (popover_is_closed, popover, SETTLE_SECONDS),
          "the dropdown's list stayed open after choosing \"%s\"", choice);

  return TRUE;
}

/* Toasts: libadwaita shows each in a widget named "toast" */
static void
collect_toasts (GtkWidget *widget,
                GPtrArray *found)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "toast") == 0)
    {
      g_ptr_array_add (found, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, found);
}

static GPtrArray *
find_toasts (Session *session)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_toasts (GTK_WIDGET (session->window), found);

  return found;
}

typedef struct
{
  Session   *session;
  GPtrArray *before;
  GtkWidget *toast;
} NewToast;

static gboolean
has_new_toast (gpointer data)
{
  NewToast *wait = data;
  g_autoptr(GPtrArray) toasts = find_toasts (wait->session);

  for (guint i = 0; i < toasts->len; i++)
    if (!g_ptr_array_find (wait->before, g_ptr_array_index (toasts, i), NULL))
      {
        wait->toast = g_ptr_array_index (toasts, i);
        return TRUE;
      }

  return FALSE;
}

/* The document */

static guint
offset_of (SmDocument *document,
           const char *needle)
{
  const char *text = sm_text_get_utf8 (sm_document_get_text (document));
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return sm_text_get_char_offset (sm_document_get_text (document), found - text);
}

static gboolean
has_n_spans (gpointer data)
{
  Session *session = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return sm_document_get_n_spans (session->document) == n;
}

/* Waits for the document to hold @n spans */
static gboolean
wait_n_spans (Session *session,
              guint    n)
{
  gpointer data[2] = { session, GUINT_TO_POINTER (n) };

  return app_test_wait_for (has_n_spans, data, APP_TEST_WAIT_SECONDS);
}

/* The span that starts at @start, if any */
static SmSpan *
span_at (Session *session,
         guint    start)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_at (session->document, start);

  for (guint i = 0; i < spans->len; i++)
    if (sm_span_get_start (g_ptr_array_index (spans, i)) == start)
      return g_ptr_array_index (spans, i);

  return NULL;
}

static char *
describe_selection (Session *session)
{
  guint start, end;
  g_autofree char *text = NULL;

  if (!sm_annotation_view_get_selection (session->view, &start, &end))
    return g_strdup ("nothing");

  text = sm_text_dup_slice (sm_document_get_text (session->document), start, end);
  return g_strdup_printf ("[%u, %u) \"%s\"", start, end, text);
}

static gboolean
window_is_ready (gpointer data)
{
  Session *session = data;
  GtkWidget *window = GTK_WIDGET (session->window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return !sm_window_is_busy (session->window) &&
         sm_window_get_document (session->window) != NULL &&
         gtk_widget_get_mapped (window) &&
         surface != NULL && gdk_surface_get_mapped (surface);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

static gboolean
is_saved (gpointer data)
{
  Session *session = data;

  return !sm_window_is_busy (session->window) && !sm_document_get_modified (session->document);
}

/* The steps, each as a user would take it */

/* Runs a step of a session: a failure names it */
#define STEP(name, call) (session->step = (name), (call))

/* Closes the session's window whatever state a failure left, without
 * asking to save */
static void
session_close (Session *session)
{
  if (session->window != NULL)
    {
      if (session->document != NULL)
        sm_document_set_modified (session->document, FALSE);
      gtk_window_destroy (GTK_WINDOW (session->window));
      app_test_spin (50);
    }

  g_free (session->path);
}

static gboolean settle_window (Session *session,
                               guint    offset);

/* Writes the sample as a Spanmark file of the test's own, so that Ctrl+S
 * saves there without asking */
static gboolean
step_open (Session *session)
{
  g_autofree char *article = g_build_filename (SOURCE_DIR, "data", "samples", "belarus-iran-sanctions.txt", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(SmDocument) document = sm_document_new_from_file (article_file, NULL, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  session->path = g_build_filename (app_test_get_home (), "annotated.json", NULL);
  file = g_file_new_for_path (session->path);
  EXPECT (document != NULL && sm_document_save_to_file (document, file, NULL, &error),
          "could not write %s", session->path);

  session->window = sm_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session->window), 1300, 900);
  gtk_window_present (GTK_WINDOW (session->window));
  sm_window_open_file (session->window, file);
  EXPECT (app_test_wait_for (window_is_ready, session, APP_TEST_WAIT_SECONDS), "the window never showed the document");
  session->document = sm_window_get_document (session->window);
  session->view = sm_window_get_view (session->window);

  return settle_window (session, 0);
}

/* Gives the session's window the keyboard and waits until its article
 * stands still on the screen, the character at @offset on it */
static gboolean
settle_window (Session *session,
               guint    offset)
{
  ScreenPoint first = { 0 }, again;

  /* The keyboard goes where X's input focus is; there is no window
   * manager to give it to the window */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (session->window));

    add_args (args, "windowfocus", "--sync", NULL);
    g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
    if (!run_xdotool (session, args))
      return FALSE;
  }
  EXPECT (app_test_wait_for (window_is_active, session->window, APP_TEST_WAIT_SECONDS), "the window never got the keyboard focus");

  /* Sidebars slide in at first: wait until the article stands still */
  /* A frame in the middle of a layout may not have it on the screen yet */
  for (guint still = 0, frames = 0; still < 5; frames++)
    {
      EXPECT (wait_frames (GTK_WIDGET (session->view), 1), "the window stopped drawing");
      if (!locate_char (session->view, offset, EDGE_START, &again))
        {
          EXPECT (frames < 300, "character %u of the article is not on the screen", offset);
          still = 0;
          continue;
        }
      still = still > 0 && again.x == first.x && again.y == first.y ? still + 1 : 1;
      first = again;
    }

  return TRUE;
}

typedef struct
{
  SmAnnotationView *view;
  guint             start;
  guint             end;
} Selection;

static gboolean
selection_is (gpointer data)
{
  Selection *expected = data;
  guint start, end;

  return sm_annotation_view_get_selection (expected->view, &start, &end) &&
         start == expected->start && end == expected->end;
}

/* Drags across [start, end), checks that exactly that is selected and
 * that the popover offering the labels opened */
static gboolean
select_by_dragging (Session *session,
                    guint    start,
                    guint    end)
{
  GtkWidget *popover = get_tag_popover (session->view);
  g_autofree char *text = sm_text_dup_slice (sm_document_get_text (session->document), start, end);
  Selection expected = { session->view, start, end };
  guint old_start, old_end;
  gboolean from_inside;

  from_inside = sm_annotation_view_get_selection (session->view, &old_start, &old_end) &&
                old_start <= start && start < old_end;

  if (!drag_across (session, start, end))
    return FALSE;

  if (!app_test_wait_for (selection_is, &expected, SETTLE_SECONDS))
    {
      g_autofree char *selected = describe_selection (session);

      EXPECT (FALSE, "a drag across [%u, %u) \"%s\"%s left the selection %s",
              start, end, text,
              from_inside ? ", which started inside the selection, did not select anew: it" : "",
              selected);
    }

  EXPECT (popover != NULL && wait_popover_open (popover),
          "no popover offered the labels after a drag across \"%s\"", text);

  return TRUE;
}

/* Clicks @name in the popover over the selection: the selection becomes a
 * span of @label, the popover closes and the new highlight shows */
static gboolean
tag_by_clicking (Session    *session,
                 const char *name,
                 const char *label,
                 guint       start,
                 guint       end)
{
  GtkWidget *popover = get_tag_popover (session->view);
  guint n_spans = sm_document_get_n_spans (session->document);
  GtkWidget *button;
  ScreenPoint point;
  SmSpan *span;

  button = find_label (popover, name);
  EXPECT (button != NULL && locate_center (button, &point),
          "the popover over the selection does not offer \"%s\"", name);
  if (!click (session, &point))
    return FALSE;

  EXPECT (wait_n_spans (session, n_spans + 1), "a click on \"%s\" in the popover tagged nothing", name);
  span = span_at (session, start);
  EXPECT (span != NULL && sm_span_get_end (span) == end &&
          g_strcmp0 (sm_span_get_label (span), label) == 0,
          "a click on \"%s\" did not tag [%u, %u) as %s", name, start, end, label);

  EXPECT (app_test_wait_for (popover_is_closed, popover, SETTLE_SECONDS),
          "after a click on \"%s\" the popover over the selection stayed open "
          "(it would swallow the next drag)", name);
  EXPECT (!sm_annotation_view_get_selection (session->view, NULL, NULL),
          "after tagging, the text is still selected, hiding the new highlight");
  EXPECT (wait_frames (GTK_WIDGET (session->view), 2), "the window stopped drawing");

  return TRUE;
}

typedef struct
{
  guint speaker;
  guint speaker_end;
  guint claim;
  guint claim_end;
  guint rough;
  guint rough_end;
  char *speaker_id;
  char *claim_id;
  char *relation_id;
} Plan;

static gboolean
step_tag_speaker (Session *session,
                  Plan    *plan)
{
  /* A line of the article: who speaks in it */
  if (!select_by_dragging (session, plan->speaker, plan->speaker_end) ||
      !tag_by_clicking (session, "Speaker", SM_LABEL_SPEAKER, plan->speaker, plan->speaker_end))
    return FALSE;

  plan->speaker_id = g_strdup (sm_span_get_id (span_at (session, plan->speaker)));
  return TRUE;
}

static gboolean
step_tag_claim (Session *session,
                Plan    *plan)
{
  /* The next line: a drag that takes too much, then a better one from
   * inside the first selection, which must select anew */
  if (!select_by_dragging (session, plan->rough, plan->rough_end))
    return FALSE;
  if (!press_keys (session, get_tag_popover (session->view), "Escape"))
    return FALSE;
  EXPECT (app_test_wait_for (popover_is_closed, get_tag_popover (session->view), SETTLE_SECONDS),
          "Escape did not close the popover over the selection");
  EXPECT (sm_annotation_view_get_selection (session->view, NULL, NULL),
          "Escape in the popover dropped the selection");

  if (!select_by_dragging (session, plan->claim, plan->claim_end) ||
      !tag_by_clicking (session, "Claim", SM_LABEL_CLAIM, plan->claim, plan->claim_end))
    return FALSE;

  plan->claim_id = g_strdup (sm_span_get_id (span_at (session, plan->claim)));
  return TRUE;
}

/* Clicks the span's text, and returns the one editor the popover shows */
static SmSpanEditor *
open_span_editor (Session *session,
                  guint    offset)
{
  GtkWidget *popover = GTK_WIDGET (sm_annotation_view_get_span_popover (session->view));
  g_autoptr(GPtrArray) editors = NULL;

  if (!click_char (session, offset))
    return NULL;

  if (!wait_popover_open (popover))
    {
      fail (session, "a click on tagged text at %u opened no popover", offset);
      return NULL;
    }

  editors = app_test_find_widgets (popover, SM_TYPE_SPAN_EDITOR, NULL);
  if (editors->len != 1)
    {
      fail (session, "the popover at %u shows %u spans, not 1", offset, editors->len);
      return NULL;
    }

  return g_ptr_array_index (editors, 0);
}

/* The label dropdown of an editor (0), or the speaker dropdown (1) */
static GtkDropDown *
editor_dropdown (SmSpanEditor *editor,
                 guint         n)
{
  g_autoptr(GPtrArray) found = app_test_find_widgets (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, NULL);

  return found->len > n ? g_ptr_array_index (found, n) : NULL;
}

/* Closes the span's popover as a hand does, with a click beside it: after
 * a choice in one of its dropdowns too, when X has no grab left to tell
 * the popover of the click. The click only closes it. */
static gboolean
close_span_popover (Session *session)
{
  GtkWidget *popover = GTK_WIDGET (sm_annotation_view_get_span_popover (session->view));
  GtkWidget *view = GTK_WIDGET (session->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint n_spans = sm_document_get_n_spans (session->document);
  int selection_start, selection_end;
  GtkTextIter start, end;
  ScreenPoint beside;

  /* A relabel resizes the popover: let it settle on the screen first */
  EXPECT (wait_frames (popover, 3), "the span's popover stopped drawing");

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  selection_start = gtk_text_iter_get_offset (&start);
  selection_end = gtk_text_iter_get_offset (&end);

  /* The view's bottom left corner, far from the spans at the top */
  EXPECT (locate (view, 12, gtk_widget_get_height (view) - 12, &beside),
          "the article is not on the screen");
  if (!click (session, &beside))
    return FALSE;
  EXPECT (app_test_wait_for (popover_is_closed, popover, SETTLE_SECONDS),
          "a click beside the span's popover did not close it");

  app_test_spin (200);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  EXPECT (gtk_text_iter_get_offset (&start) == selection_start &&
          gtk_text_iter_get_offset (&end) == selection_end &&
          !gtk_widget_get_visible (GTK_WIDGET (get_tag_popover (session->view))) &&
          sm_document_get_n_spans (session->document) == n_spans,
          "the click that closed the span's popover also acted on the article");

  return TRUE;
}

/* The relation of the claim to the speaker, or NULL */
static SmRelation *
said_by (Session    *session,
         const char *claim_id,
         const char *speaker_id)
{
  GListModel *relations = sm_document_get_relations (session->document);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0 &&
          g_strcmp0 (sm_span_get_id (sm_relation_get_from (relation)), claim_id) == 0 &&
          g_strcmp0 (sm_span_get_id (sm_relation_get_to (relation)), speaker_id) == 0)
        return relation;
    }

  return NULL;
}

static gboolean
step_attribute_claim (Session *session,
                      Plan    *plan)
{
  SmSpan *speaker = sm_document_find_span (session->document, plan->speaker_id);
  SmSpanEditor *editor;
  GtkDropDown *dropdown;
  SmRelation *relation;

  if ((editor = open_span_editor (session, plan->claim + 20)) == NULL)
    return FALSE;
  dropdown = editor_dropdown (editor, 1);
  EXPECT (dropdown != NULL && gtk_widget_get_mapped (GTK_WIDGET (dropdown)),
          "the claim's popover offers no speaker");
  if (!choose (session, dropdown, sm_span_get_text (speaker)))
    return FALSE;

  relation = said_by (session, plan->claim_id, plan->speaker_id);
  EXPECT (relation != NULL, "choosing the speaker did not link the claim %s to the speaker %s",
          plan->claim_id, plan->speaker_id);
  EXPECT (g_list_model_get_n_items (sm_document_get_relations (session->document)) == 1,
          "the document has %u relations, not 1",
          g_list_model_get_n_items (sm_document_get_relations (session->document)));
  plan->relation_id = g_strdup (sm_relation_get_id (relation));

  return close_span_popover (session);
}

static gboolean
step_relabel_speaker (Session *session,
                      Plan    *plan)
{
  SmSpan *speaker = sm_document_find_span (session->document, plan->speaker_id);
  g_autoptr(GPtrArray) toasts = find_toasts (session);
  NewToast toast = { session, toasts, NULL };
  SmSpanEditor *editor;
  GtkDropDown *dropdown;

  /* The speaker said the claim: make the speaker a claim too */
  if ((editor = open_span_editor (session, plan->speaker + 3)) == NULL)
    return FALSE;
  dropdown = editor_dropdown (editor, 0);
  EXPECT (dropdown != NULL, "the speaker's popover offers no label");
  if (!choose (session, dropdown, "Claim"))
    return FALSE;

  EXPECT (g_strcmp0 (sm_span_get_label (speaker), SM_LABEL_CLAIM) == 0,
          "choosing Claim left the speaker %s labelled %s", plan->speaker_id, sm_span_get_label (speaker));
  /* A claim is said by a speaker, never by a claim: the link goes, and
   * the window says so */
  EXPECT (said_by (session, plan->claim_id, plan->speaker_id) == NULL,
          "after relabelling speaker %s to Claim, claim %s is still said_by it (relation %s): "
          "a relation whose ends break its type",
          plan->speaker_id, plan->claim_id, plan->relation_id);
  EXPECT (g_list_model_get_n_items (sm_document_get_relations (session->document)) == 0,
          "after the relabel the document still has %u relations",
          g_list_model_get_n_items (sm_document_get_relations (session->document)));
  EXPECT (app_test_wait_for (has_new_toast, &toast, APP_TEST_WAIT_SECONDS),
          "no toast said that relabelling removed the claim's link to its speaker");
  {
    g_autoptr(GPtrArray) labels = app_test_find_widgets (toast.toast, GTK_TYPE_LABEL, NULL);

    for (guint i = 0; i < labels->len; i++)
      g_test_message ("The toast says: %s", gtk_label_get_text (g_ptr_array_index (labels, i)));
  }

  return close_span_popover (session);
}

static gboolean
is_speaker (gpointer data)
{
  return g_strcmp0 (sm_span_get_label (data), SM_LABEL_SPEAKER) == 0;
}

static gboolean
step_undo (Session *session,
           Plan    *plan)
{
  SmSpan *speaker = sm_document_find_span (session->document, plan->speaker_id);

  /* press_keys() gives the window the keyboard, as a window manager
   * would on the click that closed the popover */
  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;

  /* The relabel and the link it removed come back in one step */
  EXPECT (app_test_wait_for (is_speaker, speaker, APP_TEST_WAIT_SECONDS),
          "after Ctrl+Z, span %s is labelled %s, not SPEAKER", plan->speaker_id, sm_span_get_label (speaker));
  EXPECT (said_by (session, plan->claim_id, plan->speaker_id) != NULL,
          "after Ctrl+Z, claim %s is no longer said_by speaker %s", plan->claim_id, plan->speaker_id);
  EXPECT (g_list_model_get_n_items (sm_document_get_relations (session->document)) == 1,
          "after Ctrl+Z the document has %u relations, not 1",
          g_list_model_get_n_items (sm_document_get_relations (session->document)));
  EXPECT (sm_document_get_n_spans (session->document) == 2,
          "after Ctrl+Z the document has %u spans, not 2", sm_document_get_n_spans (session->document));

  return TRUE;
}

static gboolean
step_save (Session *session)
{
  g_autoptr(GFile) file = g_file_new_for_path (session->path);

  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+s"))
    return FALSE;

  EXPECT (app_test_wait_for (is_saved, session, APP_TEST_WAIT_SECONDS), "Ctrl+S did not save the document");
  EXPECT (g_file_equal (sm_window_get_file (session->window), file),
          "Ctrl+S saved somewhere other than %s", session->path);

  return TRUE;
}

/* spanmark-cli validate accepts the file at @path */
static gboolean
validate_with_cli (Session    *session,
                   const char *path)
{
  const char *cli = g_getenv ("SPANMARK_CLI");
  const char *argv[] = { cli, "validate", path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  EXPECT (cli != NULL, "SPANMARK_CLI does not say where spanmark-cli is");
  EXPECT (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        &output, NULL, &status, &error),
          "could not run spanmark-cli: %s", error->message);
  EXPECT (g_spawn_check_wait_status (status, NULL), "spanmark-cli validate rejects %s: %s", path, output);

  return TRUE;
}

/* What is on disk, read by Spanmark's own loader, and by spanmark-cli validate */
static gboolean
step_check_file (Session *session,
                 Plan    *plan)
{
  static const char * const label_ids[] = { SM_LABEL_SPEAKER, SM_LABEL_CLAIM, SM_LABEL_FIGURE };
  g_autoptr(GFile) file = g_file_new_for_path (session->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) saved = sm_document_new_from_file (file, NULL, &error);
  g_autoptr(SmRelation) relation = NULL;
  GListModel *labels, *spans, *relations;
  SmSpan *speaker, *claim;

  EXPECT (saved != NULL, "the saved file does not load: %s", error->message);

  labels = sm_document_get_labels (saved);
  EXPECT (g_list_model_get_n_items (labels) == G_N_ELEMENTS (label_ids),
          "the saved file has %u labels, not %u", g_list_model_get_n_items (labels), (guint) G_N_ELEMENTS (label_ids));
  for (guint i = 0; i < G_N_ELEMENTS (label_ids); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      EXPECT (g_strcmp0 (sm_label_get_id (label), label_ids[i]) == 0,
              "the saved file's label %u is %s, not %s", i, sm_label_get_id (label), label_ids[i]);
    }

  spans = sm_document_get_spans (saved);
  EXPECT (g_list_model_get_n_items (spans) == 2, "the saved file has %u spans, not 2", g_list_model_get_n_items (spans));
  speaker = sm_document_find_span (saved, plan->speaker_id);
  claim = sm_document_find_span (saved, plan->claim_id);
  EXPECT (speaker != NULL && g_strcmp0 (sm_span_get_label (speaker), SM_LABEL_SPEAKER) == 0 &&
          sm_span_get_start (speaker) == plan->speaker && sm_span_get_end (speaker) == plan->speaker_end &&
          g_strcmp0 (sm_span_get_text (speaker), "Ayatollah Seyyed Ali Khamenei") == 0,
          "the saved file lacks the speaker %s SPEAKER [%u, %u)", plan->speaker_id, plan->speaker, plan->speaker_end);
  EXPECT (claim != NULL && g_strcmp0 (sm_span_get_label (claim), SM_LABEL_CLAIM) == 0 &&
          sm_span_get_start (claim) == plan->claim && sm_span_get_end (claim) == plan->claim_end &&
          g_str_has_prefix (sm_span_get_text (claim), "Countries that are sanctioned") &&
          g_str_has_suffix (sm_span_get_text (claim), "the weapon of sanctions"),
          "the saved file lacks the claim %s CLAIM [%u, %u)", plan->claim_id, plan->claim, plan->claim_end);

  relations = sm_document_get_relations (saved);
  EXPECT (g_list_model_get_n_items (relations) == 1,
          "the saved file has %u relations, not 1", g_list_model_get_n_items (relations));
  relation = g_list_model_get_item (relations, 0);
  EXPECT (g_strcmp0 (sm_relation_get_id (relation), plan->relation_id) == 0 &&
          g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0 &&
          sm_relation_get_from (relation) == claim && sm_relation_get_to (relation) == speaker,
          "the saved file's relation is not %s: %s said_by %s",
          plan->relation_id, plan->claim_id, plan->speaker_id);

  return validate_with_cli (session, session->path);
}

static void
test_annotate_by_hand (void)
{
  Session session_data = { 0 };
  Session *session = &session_data;
  Plan plan = { 0 };
  gboolean ok;

  ok = STEP ("open", step_open (session));
  if (ok)
    {
      guint speaker = offset_of (session->document, "Ayatollah Seyyed Ali Khamenei told");
      guint quote = offset_of (session->document, "“Countries that are sanctioned by the U.S.");
      guint claim_end = offset_of (session->document, ", and we believe this is doable");

      plan.speaker = speaker;
      plan.speaker_end = speaker + strlen ("Ayatollah Seyyed Ali Khamenei");
      plan.rough = quote;
      plan.rough_end = offset_of (session->document, "the Leader said.\nAyatollah") + strlen ("the Leader said.");
      plan.claim = quote + 1;
      plan.claim_end = claim_end;
    }
  ok = ok && STEP ("tag-speaker", step_tag_speaker (session, &plan));
  ok = ok && STEP ("tag-claim", step_tag_claim (session, &plan));
  ok = ok && STEP ("attribute-claim", step_attribute_claim (session, &plan));
  ok = ok && STEP ("relabel-speaker", step_relabel_speaker (session, &plan));
  ok = ok && STEP ("undo", step_undo (session, &plan));
  ok = ok && STEP ("save", step_save (session));
  ok = ok && STEP ("check-file", step_check_file (session, &plan));

  session_close (session);

  g_free (plan.speaker_id);
  g_free (plan.claim_id);
  g_free (plan.relation_id);
}

/* Dragging a span's edges */

typedef struct
{
  SmSpan *speaker;      /* "Ayatollah Seyyed Ali Khamenei" */
  SmSpan *claim;        /* said by the speaker, with a note */
  char   *speaker_id;
  guint   name;         /* where the speaker starts */
  guint   name_end;
  guint   told;         /* the word after it */
} Edges;

static const char *
pointer_shape (SmAnnotationView *view)
{
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (view));

  return cursor != NULL && gdk_cursor_get_name (cursor) != NULL ? gdk_cursor_get_name (cursor) : "default";
}

static gboolean
shows_resize_pointer (gpointer data)
{
  return g_strcmp0 (pointer_shape (data), "col-resize") == 0;
}

static gboolean
shows_text_pointer (gpointer data)
{
  return !shows_resize_pointer (data);
}

static gboolean
highlights (Session  *session,
            SmSpan   *span,
            guint     offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (session->view));
  GtkTextTag *tag = sm_annotation_view_get_label_tag (session->view, sm_span_get_label (span));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

typedef struct
{
  Session  *session;
  SmSpan   *span;
  guint     offset;
  gboolean  shown;
} Highlight;

static gboolean
highlight_is (gpointer data)
{
  Highlight *highlight = data;

  return highlights (highlight->session, highlight->span, highlight->offset) == highlight->shown;
}

/* Whether the character at @offset comes to show @span's highlight (or,
 * with @shown %FALSE, to lose it): the window draws what a drag did once
 * it has taken the pointer's events, which a slow build does late */
static gboolean
wait_highlight (Session  *session,
                SmSpan   *span,
                guint     offset,
                gboolean  shown)
{
  Highlight highlight = { session, span, offset, shown };

  return app_test_wait_for (highlight_is, &highlight, SETTLE_SECONDS);
}

typedef struct
{
  SmSpan *span;
  guint   start;
  guint   end;
} Extent;

static gboolean
has_extent (gpointer data)
{
  Extent *extent = data;

  return sm_span_get_start (extent->span) == extent->start && sm_span_get_end (extent->span) == extent->end;
}

/* Waits for @span to cover [start, end): says what it covers if not */
static gboolean
expect_extent (Session    *session,
               SmSpan     *span,
               guint       start,
               guint       end,
               const char *after)
{
  Extent extent = { span, start, end };
  g_autofree char *expected = sm_text_dup_slice (sm_document_get_text (session->document), start, end);

  EXPECT (app_test_wait_for (has_extent, &extent, SETTLE_SECONDS),
          "after %s, span %s is [%u, %u) \"%s\", not [%u, %u) \"%s\"",
          after, sm_span_get_id (span), sm_span_get_start (span), sm_span_get_end (span),
          sm_span_get_text (span), start, end, expected);

  return TRUE;
}

/* Two spans made without the mouse: the test is about their edges */
static gboolean
step_edges_setup (Session *session,
                  Edges   *edges)
{
  guint quote = offset_of (session->document, "Countries that are sanctioned by the U.S.");
  g_autoptr(GError) error = NULL;

  edges->name = offset_of (session->document, "Ayatollah Seyyed Ali Khamenei told");
  edges->name_end = edges->name + strlen ("Ayatollah Seyyed Ali Khamenei");
  edges->told = edges->name_end + 1;

  edges->speaker = sm_document_add_span (session->document, SM_LABEL_SPEAKER, edges->name, edges->name_end, &error);
  EXPECT (edges->speaker != NULL, "could not add the speaker");
  edges->claim = sm_document_add_span (session->document, SM_LABEL_CLAIM, quote, quote + 14, &error);
  EXPECT (edges->claim != NULL, "could not add the claim");
  EXPECT (sm_document_set_speaker (session->document, edges->claim, edges->speaker, &error),
          "could not link the claim to its speaker");
  sm_document_set_span_note (session->document, edges->speaker, "the Leader");
  edges->speaker_id = g_strdup (sm_span_get_id (edges->speaker));
  EXPECT (wait_frames (GTK_WIDGET (session->view), 2), "the window stopped drawing");

  return TRUE;
}

static gboolean
step_hover_edge (Session *session,
                 Edges   *edges)
{
  ScreenPoint point;

  EXPECT (locate_char (session->view, edges->name + 12, EDGE_MIDDLE, &point), "the speaker is not on the screen");
  if (!move_to (session, &point))
    return FALSE;
  EXPECT (app_test_wait_for (shows_text_pointer, session->view, SETTLE_SECONDS),
          "inside the speaker, away from its edges, the pointer is \"%s\"", pointer_shape (session->view));

  EXPECT (locate_char (session->view, edges->name_end - 1, EDGE_END, &point), "the speaker is not on the screen");
  if (!move_to (session, &point))
    return FALSE;
  EXPECT (app_test_wait_for (shows_resize_pointer, session->view, SETTLE_SECONDS),
          "over the speaker's end the pointer is \"%s\", not a resize pointer", pointer_shape (session->view));

  return TRUE;
}

/* The end follows the pointer, snapped to a word, shown by the highlight
 * until the release; then the span has it, keeping id, link and note */
static gboolean
step_drag_end (Session *session,
               Edges   *edges)
{
  ScreenPoint from, to;

  EXPECT (locate_char (session->view, edges->name_end - 1, EDGE_END, &from), "the speaker is not on the screen");
  EXPECT (locate_char (session->view, edges->told + 1, EDGE_MIDDLE, &to), "\"told\" is not on the screen");
  if (!press_and_move (session, &from, &to))
    return FALSE;

  EXPECT (app_test_wait_for (shows_resize_pointer, session->view, SETTLE_SECONDS),
          "while dragging the end, the pointer is \"%s\"", pointer_shape (session->view));
  EXPECT (wait_highlight (session, edges->speaker, edges->told + 3, TRUE),
          "while dragging the speaker's end onto \"told\", the highlight did not follow");
  EXPECT (sm_span_get_end (edges->speaker) == edges->name_end,
          "the speaker changed before the release");
  EXPECT (!sm_annotation_view_get_selection (session->view, NULL, NULL),
          "dragging the speaker's end selected %s", describe_selection (session));
  EXPECT (wait_frames (GTK_WIDGET (session->view), 2), "the window stopped drawing");

  if (!release (session) ||
      !expect_extent (session, edges->speaker, edges->name, edges->told + 4, "dragging its end onto \"told\""))
    return FALSE;

  EXPECT (sm_document_find_span (session->document, edges->speaker_id) == edges->speaker,
          "the speaker lost its id %s", edges->speaker_id);
  EXPECT (sm_document_get_speaker (session->document, edges->claim) == edges->speaker,
          "the claim is no longer said by the speaker");
  EXPECT (g_strcmp0 (sm_span_get_note (edges->speaker), "the Leader") == 0, "the speaker lost its note");
  EXPECT (wait_highlight (session, edges->speaker, edges->told + 3, TRUE) &&
          wait_highlight (session, edges->speaker, edges->told + 4, FALSE),
          "the highlight does not show the speaker's new end");
  EXPECT (!gtk_widget_get_visible (get_tag_popover (session->view)) &&
          !gtk_widget_get_visible (GTK_WIDGET (sm_annotation_view_get_span_popover (session->view))),
          "a popover opened after dragging an edge");
  EXPECT (!sm_annotation_view_get_selection (session->view, NULL, NULL),
          "after dragging the speaker's end, %s is selected, hiding the highlight", describe_selection (session));

  return TRUE;
}

static gboolean
step_undo_drag (Session *session,
                Edges   *edges)
{
  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;

  return expect_extent (session, edges->speaker, edges->name, edges->name_end, "Ctrl+Z");
}

/* Escape in the middle of a drag puts the edge back */
static gboolean
step_escape (Session *session,
             Edges   *edges)
{
  ScreenPoint from, to;

  EXPECT (locate_char (session->view, edges->name, EDGE_START, &from), "the speaker is not on the screen");
  EXPECT (locate_char (session->view, edges->name + 12, EDGE_MIDDLE, &to), "the speaker is not on the screen");
  if (!press_and_move (session, &from, &to))
    return FALSE;
  EXPECT (wait_highlight (session, edges->speaker, edges->name, FALSE),
          "while dragging the speaker's start onto \"Seyyed\", the highlight did not follow");

  /* Not press_keys(): --clearmodifiers would let go of the button too */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

    add_args (args, "key", "Escape", NULL);
    if (!run_xdotool (session, args) || !release (session))
      return FALSE;
  }

  EXPECT (wait_highlight (session, edges->speaker, edges->name, TRUE),
          "after Escape the highlight did not come back");
  if (!expect_extent (session, edges->speaker, edges->name, edges->name_end, "Escape during a drag"))
    return FALSE;
  EXPECT (!gtk_widget_get_visible (GTK_WIDGET (sm_annotation_view_get_span_popover (session->view))),
          "the release after Escape opened the span's popover");

  return TRUE;
}

/* The start dragged past the end stops at the span's last word */
static gboolean
step_past_the_end (Session *session,
                   Edges   *edges)
{
  ScreenPoint from, to;
  guint last = offset_of (session->document, "Khamenei told");

  EXPECT (locate_char (session->view, edges->name, EDGE_START, &from), "the speaker is not on the screen");
  EXPECT (locate_char (session->view, edges->told + 2, EDGE_MIDDLE, &to), "\"told\" is not on the screen");
  if (!drag (session, &from, &to) ||
      !expect_extent (session, edges->speaker, last, edges->name_end, "dragging the start past the end"))
    return FALSE;

  return step_undo_drag (session, edges);
}

/* A click on the edge, without moving, opens the span's popover as a
 * click on its text does */
static gboolean
step_click_edge (Session *session,
                 Edges   *edges)
{
  GtkWidget *popover = GTK_WIDGET (sm_annotation_view_get_span_popover (session->view));
  g_autoptr(GPtrArray) editors = NULL;
  ScreenPoint point;

  EXPECT (locate_char (session->view, edges->name_end - 1, EDGE_END, &point), "the speaker is not on the screen");
  if (!click (session, &point))
    return FALSE;

  EXPECT (wait_popover_open (popover), "a click on the speaker's end opened no popover");
  editors = app_test_find_widgets (popover, SM_TYPE_SPAN_EDITOR, NULL);
  EXPECT (editors->len == 1, "the popover shows %u spans, not 1", editors->len);
  if (!expect_extent (session, edges->speaker, edges->name, edges->name_end, "a click on its end"))
    return FALSE;

  return close_span_popover (session);
}

static gboolean
view_has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

/* A click on the claim's row in the span list, then Shift+Right: the
 * claim grows by a character */
static gboolean
step_list_then_shift_arrows (Session *session,
                             Edges   *edges)
{
  g_autoptr(GPtrArray) rows = app_test_find_widgets (GTK_WIDGET (sm_window_get_span_list (session->window)), SM_TYPE_SPAN_ROW, NULL);
  guint start = sm_span_get_start (edges->claim);
  guint end = sm_span_get_end (edges->claim);
  ScreenPoint point, lowest = { 0 };
  guint n_shown = 0;

  /* The rows draw their own text, and the list recycles them in any
   * order: the claim's is the lower of the two on the screen */
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)) &&
        locate_center (g_ptr_array_index (rows, i), &point))
      {
        if (n_shown++ == 0 || point.y > lowest.y)
          lowest = point;
      }
  EXPECT (n_shown == 2, "the span list shows %u spans, not the speaker and the claim", n_shown);
  point = lowest;
  if (!click (session, &point))
    return FALSE;
  EXPECT (app_test_wait_for (view_has_focus, session->view, SETTLE_SECONDS),
          "after a click on the claim in the span list, the keyboard is not in the article");

  if (!press_keys (session, GTK_WIDGET (session->window), "shift+Right"))
    return FALSE;

  return expect_extent (session, edges->claim, start, end + 1, "a click in the span list and Shift+Right");
}

static void
test_drag_span_edges (void)
{
  Session session_data = { 0 };
  Session *session = &session_data;
  Edges edges = { 0 };
  gboolean ok;

  ok = STEP ("open", step_open (session));
  ok = ok && STEP ("edges-setup", step_edges_setup (session, &edges));
  ok = ok && STEP ("hover-edge", step_hover_edge (session, &edges));
  ok = ok && STEP ("drag-end", step_drag_end (session, &edges));
  ok = ok && STEP ("undo-drag", step_undo_drag (session, &edges));
  ok = ok && STEP ("escape", step_escape (session, &edges));
  ok = ok && STEP ("past-the-end", step_past_the_end (session, &edges));
  ok = ok && STEP ("click-edge", step_click_edge (session, &edges));
  ok = ok && STEP ("list-then-shift-arrows", step_list_then_shift_arrows (session, &edges));

  session_close (session);

  g_free (edges.speaker_id);
}

/* A discontinuous span: a claim of two parts around other text */
typedef struct
{
  SmSpan *claim;        /* "Countries that … must work together", then "we believe this is doable" too */
  char   *claim_id;
  guint   first;        /* its first part */
  guint   first_end;
  guint   second;       /* the part a Ctrl+drag adds */
  guint   second_end;
  guint   gap;          /* a word between them, in no span */
} Parts;

static gboolean
is_strong (Session *session,
           SmSpan  *span,
           guint    offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (session->view));
  GtkTextTag *tag = sm_annotation_view_get_strong_tag (session->view, sm_span_get_label (span));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

typedef struct
{
  Session  *session;
  Parts    *parts;
  gboolean  strong;
} Strong;

/* Both parts drawn strong, or neither */
static gboolean
parts_are_strong (gpointer data)
{
  Strong *wait = data;
  Parts *parts = wait->parts;

  return is_strong (wait->session, parts->claim, parts->first + 2) == wait->strong &&
         is_strong (wait->session, parts->claim, parts->second_end - 2) == wait->strong &&
         !is_strong (wait->session, parts->claim, parts->gap);
}

static gboolean
wait_parts_strong (Session  *session,
                   Parts    *parts,
                   gboolean  strong)
{
  Strong wait = { session, parts, strong };

  return app_test_wait_for (parts_are_strong, &wait, SETTLE_SECONDS);
}

static char *
describe_fragments (SmSpan *span)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sm_span_get_n_fragments (span); i++)
    {
      guint start, end;

      sm_span_get_fragment (span, i, &start, &end);
      g_string_append_printf (out, "%s[%u, %u)", i ? ", " : "", start, end);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  SmSpan *span;
  guint   n;
} Fragments;

static gboolean
has_n_fragments (gpointer data)
{
  Fragments *fragments = data;

  return sm_span_get_n_fragments (fragments->span) == fragments->n;
}

/* Waits for @span to have @n fragments: says which it has if not */
static gboolean
expect_n_fragments (Session    *session,
                    SmSpan     *span,
                    guint       n,
                    const char *after)
{
  Fragments fragments = { span, n };

  if (!app_test_wait_for (has_n_fragments, &fragments, SETTLE_SECONDS))
    {
      g_autofree char *described = describe_fragments (span);

      EXPECT (FALSE, "after %s, span %s has the fragments %s, not %u", after, sm_span_get_id (span), described, n);
    }

  return TRUE;
}

typedef struct
{
  SmSpan *span;
  guint   index;
  guint   start;
  guint   end;
} Fragment;

static gboolean
has_fragment (gpointer data)
{
  Fragment *fragment = data;
  guint start, end;

  if (fragment->index >= sm_span_get_n_fragments (fragment->span))
    return FALSE;
  sm_span_get_fragment (fragment->span, fragment->index, &start, &end);

  return start == fragment->start && end == fragment->end;
}

/* Waits for part @index of @span to be [start, end): a span that already
 * had its parts before the release is not yet the one after it, so a
 * check right after xdotool returns would race the window */
static gboolean
expect_fragment (Session    *session,
                 SmSpan     *span,
                 guint       index,
                 guint       start,
                 guint       end,
                 const char *after)
{
  Fragment fragment = { span, index, start, end };

  if (!app_test_wait_for (has_fragment, &fragment, SETTLE_SECONDS))
    {
      g_autofree char *described = describe_fragments (span);

      EXPECT (FALSE, "after %s, span %s has the fragments %s, its part %u should be [%u, %u)",
              after, sm_span_get_id (span), described, index, start, end);
    }

  return TRUE;
}

/* Drags across [start, end) holding Ctrl */
static gboolean
ctrl_drag_across (Session *session,
                  guint    start,
                  guint    end)
{
  g_autoptr(GPtrArray) down = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) up = g_ptr_array_new_with_free_func (g_free);
  gboolean dragged;

  add_args (down, "keydown", "ctrl", NULL);
  if (!run_xdotool (session, down))
    return FALSE;

  /* Ctrl goes up whatever the drag did, or it stays down for the next step */
  dragged = drag_across (session, start, end);
  add_args (up, "keyup", "ctrl", NULL);

  return run_xdotool (session, up) && dragged;
}

static gboolean
step_parts_setup (Session *session,
                  Parts   *parts)
{
  g_autoptr(GError) error = NULL;

  parts->first = offset_of (session->document, "Countries that are sanctioned by the U.S. must");
  parts->first_end = parts->first + strlen ("Countries that are sanctioned by the U.S. must work together");
  parts->second = offset_of (session->document, "we believe this is doable");
  parts->second_end = parts->second + strlen ("we believe this is doable");
  parts->gap = offset_of (session->document, "collective to eliminate") + 2;

  parts->claim = sm_document_add_span (session->document, SM_LABEL_CLAIM, parts->first, parts->first_end, &error);
  EXPECT (parts->claim != NULL, "could not add the claim");
  parts->claim_id = g_strdup (sm_span_get_id (parts->claim));
  EXPECT (wait_frames (GTK_WIDGET (session->view), 2), "the window stopped drawing");

  return TRUE;
}

/* A click on the claim chooses it (and opens its popover, closed again) */
static gboolean
step_choose_claim (Session *session,
                   Parts   *parts)
{
  if (open_span_editor (session, parts->first + 5) == NULL)
    return FALSE;

  return close_span_popover (session);
}

/* Ctrl and a drag over "we believe this is doable" add it to the chosen
 * claim: one span of two parts, drawn strong together while chosen */
static gboolean
step_ctrl_drag (Session *session,
                Parts   *parts)
{
  g_autofree char *fragments = NULL;
  guint n_spans = sm_document_get_n_spans (session->document);
  guint start, end;

  if (!ctrl_drag_across (session, parts->second + 1, parts->second_end - 1))
    return FALSE;

  if (!expect_n_fragments (session, parts->claim, 2, "a Ctrl+drag over \"we believe this is doable\""))
    return FALSE;
  fragments = describe_fragments (parts->claim);
  sm_span_get_fragment (parts->claim, 1, &start, &end);
  EXPECT (start == parts->second && end == parts->second_end,
          "the Ctrl+drag gave the claim the fragments %s: the second, snapped to words, should be [%u, %u)",
          fragments, parts->second, parts->second_end);
  EXPECT (sm_document_get_n_spans (session->document) == n_spans,
          "the Ctrl+drag made a span of its own: the document has %u spans",
          sm_document_get_n_spans (session->document));
  EXPECT (g_strcmp0 (sm_span_get_id (parts->claim), parts->claim_id) == 0, "the claim lost its id");
  EXPECT (!gtk_widget_get_visible (get_tag_popover (session->view)),
          "the Ctrl+drag offered the labels, as for a new span");
  EXPECT (wait_parts_strong (session, parts, TRUE),
          "the chosen claim's two parts are not drawn strong together");

  return TRUE;
}

/* Ctrl and a drag over a part the chosen claim has already: refused,
 * with a toast that says why, and the claim still chosen */
static gboolean
step_ctrl_drag_refused (Session *session,
                        Parts   *parts)
{
  g_autoptr(GPtrArray) toasts = find_toasts (session);
  NewToast toast = { session, toasts, NULL };
  g_autoptr(GPtrArray) labels = NULL;
  gboolean says_why = FALSE;

  if (!ctrl_drag_across (session, parts->first + 2, parts->first + 12))
    return FALSE;

  EXPECT (app_test_wait_for (has_new_toast, &toast, APP_TEST_WAIT_SECONDS),
          "no toast said why a Ctrl+drag inside the claim's first part added nothing");
  labels = app_test_find_widgets (toast.toast, GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      g_test_message ("The toast says: %s", text);
      says_why |= strstr (text, "already part of this span") != NULL;
    }
  EXPECT (says_why, "the toast does not say the text is already part of the span");
  EXPECT (sm_span_get_n_fragments (parts->claim) == 2, "the refused Ctrl+drag changed the claim");
  EXPECT (wait_parts_strong (session, parts, TRUE), "after the refusal the claim is no longer chosen");

  return TRUE;
}

/* The pointer over one part lights up both */
static gboolean
step_hover_parts (Session *session,
                  Parts   *parts)
{
  ScreenPoint point;

  /* A click on no span forgets the chosen one */
  EXPECT (locate_char (session->view, parts->gap, EDGE_MIDDLE, &point), "the gap is not on the screen");
  if (!click (session, &point))
    return FALSE;
  EXPECT (wait_parts_strong (session, parts, FALSE),
          "with the pointer in the gap and no span chosen, the claim is still drawn strong");

  EXPECT (locate_char (session->view, parts->second + 4, EDGE_MIDDLE, &point), "the second part is not on the screen");
  if (!move_to (session, &point))
    return FALSE;
  EXPECT (wait_parts_strong (session, parts, TRUE),
          "with the pointer over the second part, the first is not drawn strong with it");

  EXPECT (locate_char (session->view, parts->gap, EDGE_MIDDLE, &point), "the gap is not on the screen");
  if (!move_to (session, &point))
    return FALSE;
  EXPECT (wait_parts_strong (session, parts, FALSE),
          "with the pointer back in the gap, the claim is still drawn strong");

  return TRUE;
}

/* The second part's start, inside the claim at its gap, is dragged as
 * any edge: onto "and" before it, that part alone grows */
static gboolean
step_drag_inner_edge (Session *session,
                      Parts   *parts)
{
  guint and = parts->second - strlen ("and ");
  ScreenPoint from, to;
  guint start, end;

  EXPECT (locate_char (session->view, parts->second, EDGE_START, &from), "the second part is not on the screen");
  EXPECT (locate_char (session->view, and + 1, EDGE_MIDDLE, &to), "\"and\" is not on the screen");
  if (!press_and_move (session, &from, &to))
    return FALSE;
  EXPECT (wait_highlight (session, parts->claim, and, TRUE),
          "while dragging the second part's start onto \"and\", the highlight did not follow");
  if (!release (session) ||
      !expect_n_fragments (session, parts->claim, 2, "dragging the second part's start") ||
      !expect_fragment (session, parts->claim, 1, and, parts->second_end,
                        "dragging the second part's start onto \"and\""))
    return FALSE;

  sm_span_get_fragment (parts->claim, 0, &start, &end);
  EXPECT (start == parts->first && end == parts->first_end, "dragging the second part's start moved the first part");

  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;
  EXPECT (wait_highlight (session, parts->claim, and, FALSE),
          "after Ctrl+Z, \"and\" is still highlighted");
  sm_span_get_fragment (parts->claim, 1, &start, &end);
  EXPECT (start == parts->second && end == parts->second_end, "Ctrl+Z did not put the second part's start back");

  return TRUE;
}

/* The GtkButtons in @root with @css_class, mapped */
static GPtrArray *
find_buttons (GtkWidget  *root,
              const char *css_class)
{
  GPtrArray *buttons = app_test_find_widgets (root, GTK_TYPE_BUTTON, css_class);

  for (guint i = buttons->len; i > 0; i--)
    if (!gtk_widget_get_mapped (g_ptr_array_index (buttons, i - 1)))
      g_ptr_array_remove_index (buttons, i - 1);

  return buttons;
}

static gboolean
lists_no_parts (gpointer data)
{
  g_autoptr(GPtrArray) buttons = find_buttons (data, "remove-part");

  return buttons->len == 0;
}

/* A click on the second part opens one popover for the claim, which
 * lists its parts; one row in the span list; removing the second part
 * leaves the first, a continuous span */
static gboolean
step_remove_part (Session *session,
                  Parts   *parts)
{
  GtkWidget *list = GTK_WIDGET (sm_window_get_span_list (session->window));
  g_autoptr(GPtrArray) rows = app_test_find_widgets (list, SM_TYPE_SPAN_ROW, NULL);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *fragments = NULL;
  SmSpanEditor *editor;
  GtkWidget *excerpt;
  ScreenPoint point;
  guint n_rows = 0;
  guint start, end;

  for (guint i = 0; i < rows->len; i++)
    n_rows += gtk_widget_get_mapped (g_ptr_array_index (rows, i));
  EXPECT (n_rows == 1, "the span list shows %u rows for the claim of two parts, not 1", n_rows);

  if ((editor = open_span_editor (session, parts->second + 4)) == NULL)
    return FALSE;
  excerpt = find_label (GTK_WIDGET (editor), "“Countries that are sanctioned by the U.S. must work together … we believe");
  EXPECT (excerpt != NULL, "the claim's popover does not show its text as one, its gap marked");
  buttons = find_buttons (GTK_WIDGET (editor), "remove-part");
  EXPECT (buttons->len == 2, "the claim's popover lists %u parts to remove, not 2", buttons->len);

  EXPECT (locate_center (g_ptr_array_index (buttons, 1), &point), "the second part's button is not on the screen");
  if (!click (session, &point) ||
      !expect_n_fragments (session, parts->claim, 1, "a click on the second part's Remove"))
    return FALSE;
  fragments = describe_fragments (parts->claim);
  sm_span_get_fragment (parts->claim, 0, &start, &end);
  EXPECT (start == parts->first && end == parts->first_end,
          "removing the second part left the claim %s, not the first part [%u, %u)",
          fragments, parts->first, parts->first_end);
  EXPECT (wait_highlight (session, parts->claim, parts->second + 4, FALSE),
          "the removed part is still highlighted");

  EXPECT (app_test_wait_for (lists_no_parts, editor, SETTLE_SECONDS),
          "the popover of a continuous span still lists its parts");

  return close_span_popover (session);
}

static gboolean
step_undo_remove_part (Session *session,
                       Parts   *parts)
{
  guint start, end;

  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z") ||
      !expect_n_fragments (session, parts->claim, 2, "Ctrl+Z after removing a part"))
    return FALSE;

  sm_span_get_fragment (parts->claim, 1, &start, &end);
  EXPECT (start == parts->second && end == parts->second_end, "Ctrl+Z did not bring the second part back");
  EXPECT (wait_highlight (session, parts->claim, parts->second + 4, TRUE),
          "the part Ctrl+Z brought back is not highlighted");

  /* And one step more: the Ctrl+drag is undone */
  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;

  return expect_n_fragments (session, parts->claim, 1, "Ctrl+Z after the Ctrl+drag");
}

static void
test_discontinuous_span (void)
{
  Session session_data = { 0 };
  Session *session = &session_data;
  Parts parts = { 0 };
  gboolean ok;

  ok = STEP ("open", step_open (session));
  ok = ok && STEP ("parts-setup", step_parts_setup (session, &parts));
  ok = ok && STEP ("choose-claim", step_choose_claim (session, &parts));
  ok = ok && STEP ("ctrl-drag", step_ctrl_drag (session, &parts));
  ok = ok && STEP ("ctrl-drag-refused", step_ctrl_drag_refused (session, &parts));
  ok = ok && STEP ("hover-parts", step_hover_parts (session, &parts));
  ok = ok && STEP ("drag-inner-edge", step_drag_inner_edge (session, &parts));
  ok = ok && STEP ("remove-part", step_remove_part (session, &parts));
  ok = ok && STEP ("undo-remove-part", step_undo_remove_part (session, &parts));

  session_close (session);

  g_free (parts.claim_id);
}

/* Reviewing suggestions */

/* A place a suggestion proposed: what it is, where */
typedef struct
{
  Session *session;
  char    *label;
  guint    start;
  guint    end;
} Place;

static void
place_set (Place        *place,
           SmSuggestion *suggestion)
{
  g_free (place->label);
  place->label = g_strdup (sm_suggestion_get_label (suggestion));
  place->start = sm_suggestion_get_start (suggestion);
  place->end = sm_suggestion_get_end (suggestion);
}

static gboolean
has_suggestions (gpointer data)
{
  return sm_document_get_n_suggestions (data) > 0;
}

static gboolean
is_span_at_place (gpointer data)
{
  Place *place = data;

  return sm_document_find_exact_span (place->session->document, place->start, place->end, place->label) != NULL;
}

static gboolean
is_suggested_at_place (gpointer data)
{
  Place *place = data;
  g_autoptr(GPtrArray) found = sm_document_get_suggestions_in_range (place->session->document,
                                                                     place->start, place->end);

  if (is_span_at_place (place))
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    if (sm_suggestion_is_at (g_ptr_array_index (found, i), place->label, place->start, place->end))
      return TRUE;

  return FALSE;
}

static gboolean
is_rejected_at_place (gpointer data)
{
  Place *place = data;

  return sm_document_is_rejected (place->session->document, place->label, place->start, place->end);
}

typedef struct
{
  SmAnnotationView *view;
  SmSuggestion     *before;
} Stepped;

/* A suggestion is current, and not the one that was before the step */
static gboolean
has_stepped (gpointer data)
{
  Stepped *stepped = data;
  SmSuggestion *current = sm_annotation_view_get_current_suggestion (stepped->view);

  return current != NULL && current != stepped->before;
}

/* Presses F7, and waits for it to step to another suggestion */
static gboolean
step_with_f7 (Session *session,
              Place   *place)
{
  Stepped stepped = { session->view, sm_annotation_view_get_current_suggestion (session->view) };

  if (!press_keys (session, GTK_WIDGET (session->window), "F7"))
    return FALSE;

  EXPECT (app_test_wait_for (has_stepped, &stepped, SETTLE_SECONDS),
          "F7 did not step to another suggestion");
  place_set (place, sm_annotation_view_get_current_suggestion (session->view));

  return TRUE;
}

static gboolean
step_wait_for_suggestions (Session *session)
{
  EXPECT (app_test_wait_for (has_suggestions, session->document, APP_TEST_WAIT_SECONDS),
          "no suggestion came for the sample article");

  return TRUE;
}

/* A plain click on a suggestion on the screen makes it a span */
static gboolean
step_click_suggestion (Session *session,
                       Place   *place)
{
  GListModel *suggestions = sm_document_get_suggestions (session->document);
  ScreenPoint point;
  guint offset = 0;
  gboolean found = FALSE;

  /* The first suggestion whose middle is on the screen, the innermost
   * there: the one a click there accepts */
  for (guint i = 0; !found && i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (suggestions, i);
      g_autoptr(GPtrArray) here = NULL;
      SmSuggestion *innermost = NULL;

      offset = (sm_suggestion_get_start (suggestion) + sm_suggestion_get_end (suggestion)) / 2;
      if (!locate_char (session->view, offset, EDGE_MIDDLE, &point))
        continue;

      here = sm_document_get_suggestions_in_range (session->document, offset, offset + 1);
      for (guint j = 0; j < here->len; j++)
        {
          SmSuggestion *other = g_ptr_array_index (here, j);

          if (innermost == NULL ||
              sm_suggestion_get_end (other) - sm_suggestion_get_start (other) <
              sm_suggestion_get_end (innermost) - sm_suggestion_get_start (innermost))
            innermost = other;
        }
      place_set (place, innermost);
      found = TRUE;
    }
  EXPECT (found, "no suggestion is on the screen");

  if (!click_char (session, offset))
    return FALSE;

  EXPECT (app_test_wait_for (is_span_at_place, place, SETTLE_SECONDS),
          "a click on the %s suggested at [%u, %u) did not make it a span", place->label, place->start, place->end);
  EXPECT (!is_suggested_at_place (place), "the accepted suggestion is still pending");

  return TRUE;
}

static gboolean
step_undo_accept (Session *session,
                  Place   *place)
{
  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;

  EXPECT (app_test_wait_for (is_suggested_at_place, place, SETTLE_SECONDS),
          "after Ctrl+Z, the %s at [%u, %u) is not a pending suggestion again", place->label, place->start, place->end);
  EXPECT (sm_document_get_n_spans (session->document) == 0,
          "after Ctrl+Z the document has %u spans, not 0", sm_document_get_n_spans (session->document));

  return TRUE;
}

/* F7 steps to a suggestion; Return accepts it */
static gboolean
step_f7_return (Session *session,
                Place   *place)
{
  if (!step_with_f7 (session, place))
    return FALSE;

  if (!press_keys (session, GTK_WIDGET (session->window), "Return"))
    return FALSE;

  EXPECT (app_test_wait_for (is_span_at_place, place, SETTLE_SECONDS),
          "Return on the current suggestion, a %s at [%u, %u), did not make it a span",
          place->label, place->start, place->end);

  return step_undo_accept (session, place);
}

/* Backspace rejects the current suggestion, and Ctrl+Z takes that back */
static gboolean
step_f7_backspace (Session *session,
                   Place   *place)
{
  if (!step_with_f7 (session, place))
    return FALSE;

  if (!press_keys (session, GTK_WIDGET (session->window), "BackSpace"))
    return FALSE;

  EXPECT (app_test_wait_for (is_rejected_at_place, place, SETTLE_SECONDS),
          "Backspace on the current suggestion, a %s at [%u, %u), did not reject it",
          place->label, place->start, place->end);
  EXPECT (!is_suggested_at_place (place), "the rejected suggestion is still pending");

  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+z"))
    return FALSE;

  EXPECT (app_test_wait_for (is_suggested_at_place, place, SETTLE_SECONDS),
          "after Ctrl+Z, the rejected %s at [%u, %u) is not pending again", place->label, place->start, place->end);
  EXPECT (!is_rejected_at_place (place), "after Ctrl+Z, the suggestion is still rejected");

  return TRUE;
}

/* A double click on a word inside a suggestion selects the word, to tag
 * it: its first click must not accept the suggestion */
static gboolean
step_double_click_in_suggestion (Session *session,
                                 Place   *place)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  GListModel *suggestions = sm_document_get_suggestions (session->document);
  GtkWidget *popover = get_tag_popover (session->view);
  guint n_spans = sm_document_get_n_spans (session->document);
  ScreenPoint point;
  guint offset = 0;
  gboolean found = FALSE;
  guint start, end;

  /* A long suggestion on the screen, and a letter in its middle */
  for (guint i = 0; !found && i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (suggestions, i);
      const char *text = sm_suggestion_get_text (suggestion);
      glong middle = g_utf8_strlen (text, -1) / 2;

      if (g_utf8_strlen (text, -1) < 20 ||
          !g_unichar_isalpha (g_utf8_get_char (g_utf8_offset_to_pointer (text, middle))))
        continue;
      offset = sm_suggestion_get_start (suggestion) + middle;
      if (!locate_char (session->view, offset, EDGE_MIDDLE, &point))
        continue;
      place_set (place, suggestion);
      found = TRUE;
    }
  EXPECT (found, "no long suggestion is on the screen");

  settle_clicks (session);
  add_move (args, &point);
  add_args (args, "click", "--repeat", "2", "--delay", "60", "1", NULL);
  if (!run_xdotool (session, args))
    return FALSE;
  session->last_click = g_get_monotonic_time ();

  EXPECT (popover != NULL && wait_popover_open (popover),
          "a double click inside a suggestion did not offer the labels");
  /* Longer than a click on a suggestion takes to accept it */
  app_test_spin (1000);
  EXPECT (sm_annotation_view_get_selection (session->view, &start, &end) &&
          start <= offset && offset < end && start >= place->start && end <= place->end,
          "a double click inside the %s at [%u, %u) selected %s, not the word at %u",
          place->label, place->start, place->end, describe_selection (session), offset);
  EXPECT (is_suggested_at_place (place) && sm_document_get_n_spans (session->document) == n_spans,
          "a double click inside the %s at [%u, %u) accepted it", place->label, place->start, place->end);

  if (!press_keys (session, popover, "Escape"))
    return FALSE;
  EXPECT (app_test_wait_for (popover_is_closed, popover, SETTLE_SECONDS), "Escape did not close the labels");

  return TRUE;
}

static void
test_review_suggestions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  Session session_data = { 0 };
  Session *session = &session_data;
  Place place = { session, NULL, 0, 0 };
  gboolean ok;

  g_settings_set_boolean (settings, "suggestions", TRUE);

  ok = STEP ("open", step_open (session));
  ok = ok && STEP ("wait-for-suggestions", step_wait_for_suggestions (session));
  ok = ok && STEP ("click-suggestion", step_click_suggestion (session, &place));
  ok = ok && STEP ("undo-accept", step_undo_accept (session, &place));
  ok = ok && STEP ("f7-return", step_f7_return (session, &place));
  ok = ok && STEP ("f7-backspace", step_f7_backspace (session, &place));
  ok = ok && STEP ("double-click-in-suggestion", step_double_click_in_suggestion (session, &place));

  session_close (session);
  g_free (place.label);
  g_settings_set_boolean (settings, "suggestions", FALSE);
}

/* Curating two versions into a third file */

typedef struct
{
  GFile *ana;
  GFile *curated;   /* a-curated.json beside Ana's, as Save proposes */
  guint  khamenei;  /* "Ali Khamenei": Ana's speaker starts before, at "Ayatollah" */
  guint  years;     /* "30 years": Ana's figure, Ben's claim */
} Versions;

/* Writes @annotator's version of the sample: the Leader, agreed on, and
 * the two spans they disagree on */
static gboolean
write_version (Session    *session,
               const char *annotator,
               const char *folder,
               gboolean    long_name,
               const char *years_label,
               GFile     **written)
{
  g_autofree char *article = g_build_filename (SOURCE_DIR, "data", "samples", "belarus-iran-sanctions.txt", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(SmDocument) document = sm_document_new_from_file (article_file, NULL, NULL);
  g_autofree char *dir = g_build_filename (app_test_get_home (), "team", folder, NULL);
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint ayatollah, leader, years;

  EXPECT (document != NULL, "could not read the sample");
  ayatollah = offset_of (document, "Ayatollah Seyyed Ali Khamenei told");
  leader = offset_of (document, "the Leader said");
  years = offset_of (document, "30 years");

  sm_document_set_annotator (document, annotator);
  EXPECT (sm_document_add_span (document, "SPEAKER", leader, leader + strlen ("the Leader"), NULL) != NULL &&
          sm_document_add_span (document, "SPEAKER",
                                long_name ? ayatollah : ayatollah + strlen ("Ayatollah Seyyed "),
                                ayatollah + strlen ("Ayatollah Seyyed Ali Khamenei"), NULL) != NULL &&
          sm_document_add_span (document, years_label, years, years + strlen ("30 years"), NULL) != NULL,
          "could not tag %s's version", annotator);
  g_mkdir_with_parents (dir, 0755);
  EXPECT (sm_document_save_to_file (document, file, NULL, &error), "could not write %s: %s", path, error->message);

  *written = g_steal_pointer (&file);
  return TRUE;
}

static gboolean
is_curating (gpointer data)
{
  Session *session = data;

  return sm_window_get_curation (session->window) != NULL && window_is_ready (session);
}

static gboolean
name_is_laid_out (gpointer data)
{
  Session *session = data;
  ScreenPoint point;

  return locate_char (session->view, offset_of (session->document, "Ali Khamenei told"), EDGE_START, &point);
}

static gboolean
step_curate (Session  *session,
             Versions *versions)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *ben = NULL;
  g_autofree char *folder = NULL;

  if (!write_version (session, "Ana", "ana", TRUE, "FIGURE", &versions->ana) ||
      !write_version (session, "Ben", "ben", FALSE, "CLAIM", &ben))
    return FALSE;
  g_ptr_array_add (files, g_object_ref (versions->ana));
  g_ptr_array_add (files, ben);
  folder = g_build_filename (app_test_get_home (), "team", "ana", NULL);
  versions->curated = g_file_new_build_filename (folder, "a-curated.json", NULL);

  /* As "spanmark --curate ana/a.json ben/a.json" does */
  session->window = sm_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (session->window), 1300, 900);
  gtk_window_present (GTK_WINDOW (session->window));
  sm_window_curate_files (session->window, files);
  EXPECT (app_test_wait_for (is_curating, session, APP_TEST_WAIT_SECONDS), "the window never showed the curation");
  session->document = sm_window_get_document (session->window);
  session->view = sm_window_get_view (session->window);
  versions->khamenei = offset_of (session->document, "Ali Khamenei told");
  versions->years = offset_of (session->document, "30 years");

  EXPECT (sm_document_get_n_spans (session->document) == 1,
          "the curation starts with %u spans, not the Leader alone", sm_document_get_n_spans (session->document));

  /* The view lays out its lines and scrolls to the first disagreement
   * in idles of its own, after the window shows */
  EXPECT (app_test_wait_for (name_is_laid_out, session, APP_TEST_WAIT_SECONDS),
          "the first disagreement never showed");
  return settle_window (session, versions->khamenei);
}

static SmCurationItem *
current_item (Session *session)
{
  return sm_curation_bar_get_item (sm_window_get_curation_bar (session->window));
}

static gboolean
has_n_decided (gpointer data)
{
  Session *session = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return sm_curation_get_n_decided (sm_window_get_curation (session->window)) == n;
}

static gboolean
wait_n_decided (Session *session,
                guint    n)
{
  gpointer data[2] = { session, GUINT_TO_POINTER (n) };

  return app_test_wait_for (has_n_decided, data, SETTLE_SECONDS);
}

static gboolean
is_current_at (gpointer data)
{
  Session *session = ((gpointer *) data)[0];
  guint offset = GPOINTER_TO_UINT (((gpointer *) data)[1]);
  SmCurationItem *item = current_item (session);

  return item != NULL && item == sm_curation_get_item_at (sm_window_get_curation (session->window), offset);
}

static gboolean
wait_current_at (Session *session,
                 guint    offset)
{
  gpointer data[2] = { session, GUINT_TO_POINTER (offset) };

  return app_test_wait_for (is_current_at, data, SETTLE_SECONDS);
}

/* Alt+1 takes Ana's long name and goes on to "30 years"; a click on the
 * name goes back to it; Alt+N on again, and Alt+2 takes Ben's claim */
static gboolean
step_take_sides (Session  *session,
                 Versions *versions)
{
  g_autoptr(GPtrArray) spans = NULL;
  GtkWidget *window = GTK_WIDGET (session->window);
  GtkWidget *popover = GTK_WIDGET (sm_annotation_view_get_span_popover (session->view));

  EXPECT (wait_current_at (session, versions->khamenei), "the first disagreement is not the one at hand");
  if (!press_keys (session, window, "alt+1"))
    return FALSE;
  EXPECT (wait_n_decided (session, 1), "Alt+1 decided nothing");
  EXPECT (wait_current_at (session, versions->years), "Alt+1 did not go on to the next disagreement");
  spans = sm_document_get_spans_at (session->document, versions->khamenei);
  EXPECT (spans->len == 1 && sm_span_get_end (g_ptr_array_index (spans, 0)) - sm_span_get_start (g_ptr_array_index (spans, 0)) ==
          strlen ("Ayatollah Seyyed Ali Khamenei"),
          "Alt+1 did not take Ana's speaker");

  /* Back up to the name with the wheel: it is in the first lines */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
    ScreenPoint middle;

    EXPECT (locate_center (GTK_WIDGET (session->view), &middle), "the article is not on the screen");
    add_move (args, &middle);
    add_args (args, "click", "--repeat", "30", "--delay", "20", "4", NULL);
    if (!run_xdotool (session, args))
      return FALSE;
  }
  EXPECT (app_test_wait_for (name_is_laid_out, session, SETTLE_SECONDS), "the wheel did not bring the name back");
  if (!wait_frames (GTK_WIDGET (session->view), 2) || !click_char (session, versions->khamenei + 2))
    return FALSE;
  EXPECT (wait_current_at (session, versions->khamenei), "a click on a disagreement did not make it current");

  /* The click opened the span's popover: Alt+N goes to the window only
   * once Escape has closed it, which a slow machine takes a while to do */
  EXPECT (wait_popover_open (popover), "a click on a disagreement's span opened no popover");
  if (!press_keys (session, popover, "Escape"))
    return FALSE;
  EXPECT (app_test_wait_for (popover_is_closed, popover, SETTLE_SECONDS) && wait_frames (window, 2),
          "Escape did not close the span's popover");
  if (!press_keys (session, window, "alt+n"))
    return FALSE;
  EXPECT (wait_current_at (session, versions->years), "Alt+N did not go to the next disagreement");
  if (!press_keys (session, window, "alt+2"))
    return FALSE;
  EXPECT (wait_n_decided (session, 2), "Alt+2 decided nothing");

  return TRUE;
}

/* Ctrl+Z takes Ben's claim back with the decision; Ctrl+Shift+Z again */
static gboolean
step_undo_decision (Session  *session,
                    Versions *versions)
{
  GtkWidget *window = GTK_WIDGET (session->window);
  SmCurationState state;

  if (!press_keys (session, window, "ctrl+z"))
    return FALSE;
  EXPECT (wait_n_decided (session, 1), "Ctrl+Z did not take the decision back");
  EXPECT (wait_current_at (session, versions->years), "the disagreement undone is not the one at hand");
  EXPECT (sm_document_get_n_spans (session->document) == 2, "Ctrl+Z left %u spans, not 2",
          sm_document_get_n_spans (session->document));

  if (!press_keys (session, window, "ctrl+shift+z"))
    return FALSE;
  EXPECT (wait_n_decided (session, 2), "Ctrl+Shift+Z did not decide it again");
  state = sm_curation_item_get_state (current_item (session), NULL);
  EXPECT (state == SM_CURATION_TAKEN, "the redone disagreement is %d, not taken", state);

  return TRUE;
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static gboolean
file_chooser_is_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_chooser_is_open (gpointer data)
{
  GtkWidget *chooser = find_file_chooser ();

  return chooser != NULL && gtk_window_is_active (GTK_WINDOW (chooser));
}

/* Ctrl+S asks where, proposing a-curated.json beside Ana's: Return takes it */
static gboolean
step_save_curated (Session  *session,
                   Versions *versions)
{
  GtkWidget *chooser;
  GFile *file;

  if (!press_keys (session, GTK_WIDGET (session->window), "ctrl+s"))
    return FALSE;
  EXPECT (app_test_wait_for (file_chooser_is_shown, NULL, SETTLE_SECONDS), "Ctrl+S did not ask where");
  chooser = find_file_chooser ();
  if (!wait_frames (chooser, 2))
    return FALSE;
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

    add_args (args, "windowfocus", "--sync", NULL);
    g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (chooser)))));
    if (!run_xdotool (session, args))
      return FALSE;
  }
  EXPECT (app_test_wait_for (file_chooser_is_open, NULL, SETTLE_SECONDS), "the file chooser never got the keyboard");
  if (!press_keys (session, chooser, "Return"))
    return FALSE;

  EXPECT (app_test_wait_for (is_saved, session, APP_TEST_WAIT_SECONDS), "Return in the file chooser did not save");
  file = sm_window_get_file (session->window);
  EXPECT (file != NULL && g_file_equal (file, versions->curated),
          "the curation was not saved as a-curated.json beside Ana's version");

  return TRUE;
}

/* The third file: both decisions, the curator's name, and the record */
static gboolean
step_check_curated (Session  *session,
                    Versions *versions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDocument) saved = sm_document_new_from_file (versions->curated, NULL, &error);
  g_autoptr(GPtrArray) name = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autofree char *contents = NULL;

  EXPECT (saved != NULL, "the curated file does not load: %s", error->message);
  EXPECT (g_strcmp0 (sm_document_get_annotator (saved), "Carla") == 0,
          "the curated file's annotator is %s, not the curator", sm_document_get_annotator (saved));
  EXPECT (sm_document_get_n_spans (saved) == 3, "the curated file has %u spans, not 3", sm_document_get_n_spans (saved));
  name = sm_document_get_spans_at (saved, versions->khamenei);
  EXPECT (name->len == 1 && g_strcmp0 (sm_span_get_text (g_ptr_array_index (name, 0)), "Ayatollah Seyyed Ali Khamenei") == 0,
          "the curated file lacks Ana's speaker");
  years = sm_document_get_spans_at (saved, versions->years);
  EXPECT (years->len == 1 && g_strcmp0 (sm_span_get_label (g_ptr_array_index (years, 0)), "CLAIM") == 0,
          "the curated file lacks Ben's claim");
  EXPECT (!sm_curation_has_record (saved), "the curated file says it is unfinished");
  EXPECT (g_file_load_contents (versions->curated, NULL, &contents, NULL, NULL, NULL) &&
          strstr (contents, "\"curation\"") != NULL,
          "the curated file has no record of the decisions");

  {
    g_autofree char *path = g_file_get_path (versions->curated);

    return validate_with_cli (session, path);
  }
}

static void
test_curate_versions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  Session session_data = { 0 };
  Session *session = &session_data;
  Versions versions = { 0 };
  gboolean ok;

  /* The curator, named already: no question before saving */
  g_settings_set_string (settings, "annotator", "Carla");

  ok = STEP ("curate", step_curate (session, &versions));
  ok = ok && STEP ("take-sides", step_take_sides (session, &versions));
  ok = ok && STEP ("undo-decision", step_undo_decision (session, &versions));
  ok = ok && STEP ("save-curated", step_save_curated (session, &versions));
  ok = ok && STEP ("check-curated", step_check_curated (session, &versions));

  session_close (session);
  g_clear_object (&versions.ana);
  g_clear_object (&versions.curated);
  g_settings_reset (settings, "annotator");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = app_test_init (&argc, &argv, APP_TEST_X11);
  if (app == NULL)
    return 0;

  /* The tests of tagging by hand click the article where a suggestion
   * would take the click: suggestions only where a test asks for them */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_boolean (settings, "suggestions", FALSE);
  }

  g_test_add_func ("/e2e/annotate-by-hand", test_annotate_by_hand);
  g_test_add_func ("/e2e/drag-span-edges", test_drag_span_edges);
  g_test_add_func ("/e2e/discontinuous-span", test_discontinuous_span);
  g_test_add_func ("/e2e/review-suggestions", test_review_suggestions);
  g_test_add_func ("/e2e/curate-versions", test_curate_versions);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
