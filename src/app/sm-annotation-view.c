/* sm-annotation-view.c: an article shown read-only, with its spans highlighted.
 *
 * The view takes its document at construction (as EditorPage does in GNOME
 * Text Editor) and follows it: the document says which range changed, the
 * view redraws the highlights there from an O(log n) range query. Each
 * label gets a GtkTextTag with its own visual channel (a fill, a double
 * underline, a fill with a single underline) so that a figure inside a
 * claim shows both. Only the text in view and near it carries the tags:
 * what comes near is drawn before it shows, and what the view leaves far
 * behind loses them again (KEEP_DRAWN_CHARS), so a long article costs
 * the buffer the highlights of a few pages, not of all its spans.
 *
 * Mouse work happens here: a selection made with the mouse snaps to whole
 * words and offers the labels in a popover; a click on highlighted text
 * opens a popover to edit each span under the pointer; a drag from a
 * span's edge moves that edge. With a span chosen, Ctrl and a drag add
 * the text dragged over to it as one more fragment: a quotation
 * interrupted by its attribution is one span. The parts of such a span
 * light up together while the pointer is over one of them or while it
 * is chosen.
 *
 * Suggestions (spans proposed, not the annotator's yet) are drawn with a
 * wavy underline in their label's colour and no fill, so that they never
 * read as annotations; the current one, which Return accepts and
 * Backspace rejects, has a faint fill as well. A click on one accepts it.
 *
 * A curator's marks (sm_annotation_view_set_marks()) are drawn the way
 * suggestions are: each side of the disagreement at hand is a wavy line in
 * its label's colour over the stretch it covers, with a faint fill, and
 * says whose it is in a tooltip.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-annotation-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sm-annotation-view.h"
#include "sm-label-button.h"
#include "sm-span-editor.h"
#include "sm-span-row.h"
#include "sm-stretches.h"
#include "sm-thread.h"
#include "sm-window.h"
#include "sm-word.h"

/* A click that moves less than this is a click, not a drag */
#define CLICK_SLOP 4.0
/* A press this close to a span's edge, in pixels, takes the edge */
#define EDGE_SLOP 4
/* A longer stretch than this (the whole of a long article) is highlighted
 * where it is in view at once, and around it in idle slices */
#define DRAW_AT_ONCE_CHARS 200000
/* The highlights are kept this many characters above and below what is in
 * view (and the page each side get_range_in_view() counts), drawn in idle
 * slices as the view moves; farther away they come off again, so that the
 * buffer's tags and the segments they split grow with the view, not with
 * the article. A long scroll or a Page Down stays inside it. */
#define KEEP_DRAWN_CHARS 65536
/* A batch of changes of no more ranges than this, and no longer than
 * DRAW_AT_ONCE_CHARS in all, is drawn at once */
#define DRAW_AT_ONCE_RANGES 64
/* What one idle slice of highlighting may take, in microseconds... */
#define DRAW_SLICE_USEC 5000
/* ...looking at the clock after each stretch this long */
#define DRAW_STEP_CHARS 2048
/* The highlights of a view gone are taken off its text this much at a
 * time, in slices as long as DRAW_SLICE_USEC: see release_in_idle() */
#define RELEASE_STEP_CHARS 16384
/* An article up to this long goes into the buffer at once; a longer one
 * from there on in slices of FILL_STEP_BYTES, as many as fit in
 * FILL_SLICE_USEC at a time, after the view shows (fill_some()). Text
 * into a GtkTextBuffer, and into GTK's accessibility (which copies what
 * is inserted for AT-SPI), cost about 25 ms a megabyte here: a 20 MB
 * article at once held the window for half a second, and a first MiB
 * was still a quarter of the iteration that showed it (perf of a switch
 * between 20 MB documents: 26 of 113 samples, most of them AT-SPI's
 * copy). A quarter of that is still many screens of text. */
#define FILL_AT_ONCE_BYTES (256 * 1024)
#define FILL_STEP_BYTES (64 * 1024)
#define FILL_SLICE_USEC 8000
/* Above GtkTextView's layout in idle, which would hold a lower priority
 * off until it had laid out every line so far; below drawing frames */
#define FILL_PRIORITY (GTK_TEXT_VIEW_PRIORITY_VALIDATE - 1)

/* Where a press on a span's edge has got to. DONE lasts until the next
 * press, so that the release after a drag or an Escape is not a click. */
typedef enum
{
  EDGE_DRAG_NONE,
  EDGE_DRAG_PRESSED,
  EDGE_DRAG_MOVING,
  EDGE_DRAG_DONE,
} EdgeDragPhase;

struct _SmAnnotationView
{
  GtkSourceView  parent_instance;

  SmDocument    *document;
  GHashTable    *label_tags;      /* label id -> GtkTextTag (the tag table holds it) */
  GHashTable    *strong_tags;     /* label id -> the same, stronger: see is_emphasized() */
  GHashTable    *suggestion_tags; /* label id -> the tag of its pending suggestions */
  GHashTable    *current_tags;    /* label id -> the same, for the current suggestion */
  GtkTextTag    *font_tag;        /* the whole text, in the chosen font */

  GtkPopover    *tag_popover;
  GtkBox        *tag_popover_box;
  GtkPopover    *span_popover;
  GtkBox        *span_popover_box;

  double         press_x;
  double         press_y;
  /* The span whose edges Shift and the arrows move: chosen in the span
   * list or its popover (its text selected) or by a drag of its edge (the
   * cursor left at that edge), until the cursor moves elsewhere */
  SmSpan        *selected_span;
  /* The discontinuous span under the pointer, whose parts light up */
  SmSpan        *hover_span;
  /* The span chosen when a Ctrl+press began a drag: its release adds
   * the text dragged over to it */
  SmSpan        *fragment_span;

  /* The span whose edge the pointer holds, which of its fragments owns
   * the edge, and the extent that fragment is drawn with meanwhile; the
   * document has the old one until the release */
  SmSpan        *drag_span;
  guint          drag_fragment;
  guint          drag_fixed;
  guint          drag_start;
  guint          drag_end;
  double         drag_x;
  double         drag_y;
  EdgeDragPhase  drag_phase;
  guint          drag_moves_end : 1;

  /* The suggestion that Return accepts and Backspace rejects, while the
   * cursor is in it: the one stepped to last */
  SmSuggestion  *current_suggestion;
  /* A suggestion clicked once, accepted unless the click turns out to be
   * the first of a double click (which selects a word in it to tag) */
  SmSuggestion  *clicked_suggestion;
  guint          accept_click_source;

  /* The curator's marks (SmViewMark) and the stretch they are about,
   * drawn with focus_tag */
  GArray        *marks;
  guint          focus_start;
  guint          focus_end;
  GtkTextTag    *focus_tag;

  /* Stretches of text still to highlight, drawn by draw_source; what
   * comes into view is drawn at once. Drawn: those that may carry
   * highlights, which come off again away from the view */
  SmStretches   *undrawn;
  SmStretches   *drawn;
  guint          draw_source;
  GtkAdjustment *vadjustment;

  /* How much of the document's text the buffer has: all of it once
   * fill_source is done (see FILL_AT_ONCE_BYTES) */
  guint          filled;
  gsize          filled_bytes;
  guint          fill_source;

  /* The place sm_annotation_view_scroll_to_offset() took the view to,
   * held there while GTK lays out the lines above (see on_scroll_changed()),
   * until what the user does in the window (scroll_watch) says otherwise */
  GtkTextMark   *scroll_mark;
  GtkEventController *scroll_watch;
  double         scroll_within_margin;
  double         scroll_yalign;
  guint          scroll_use_align : 1;
  guint          holding : 1;

  guint          choosing : 1;
  guint          snap_to_words : 1;
  guint          show_suggestions : 1;
  /* Whether font_tag is on the text, and so goes on what is filled in */
  guint          font_set : 1;
  /* Whether GtkTextView is in its size_allocate(), laying out the lines */
  guint          allocating : 1;
  /* Whether the buffer and document went to release_in_idle() */
  guint          released : 1;
};

G_DEFINE_FINAL_TYPE (SmAnnotationView, sm_annotation_view, GTK_SOURCE_TYPE_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SNAP_TO_WORDS,
  PROP_HAS_SELECTION,
  PROP_SHOW_SUGGESTIONS,
  PROP_CURRENT_SUGGESTION,
  PROP_FILLED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Visual channels, given to labels in turn: the first label is filled,
 * the second double-underlined over a faint fill, the third filled and
 * underlined once, so that a speaker or a figure inside a claim shows
 * both. No channel changes the text's size or weight. */
typedef enum
{
  CHANNEL_FILL,
  CHANNEL_UNDERLINE,
  CHANNEL_LINE,
  N_CHANNELS
} Channel;

static GtkTextBuffer *
get_buffer (SmAnnotationView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

/* A strong tag is the label's own, filled deeper and underlined: the
 * parts of one discontinuous span stand out together from the rest */
static void
style_label_tag (SmAnnotationView *self,
                 GtkTextTag       *tag,
                 SmLabel          *label,
                 guint             position,
                 gboolean          strong)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  Channel channel = position % N_CHANNELS;
  GdkRGBA color;
  GdkRGBA fill;

  if (!gdk_rgba_parse (&color, sm_label_get_color (label)))
    color = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.f };

  /* Fills stay light enough for body text to read in both styles */
  fill = color;
  fill.alpha = dark ? 0.40f : 0.28f;

  if (strong)
    {
      fill.alpha = dark ? 0.62f : 0.50f;
      g_object_set (tag,
                    "background-rgba", &fill,
                    "underline", channel == CHANNEL_UNDERLINE ? PANGO_UNDERLINE_DOUBLE : PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &color,
                    NULL);
      return;
    }

  switch (channel)
    {
    case CHANNEL_FILL:
      g_object_set (tag,
                    "background-rgba", &fill,
                    NULL);
      break;

    case CHANNEL_UNDERLINE:
      fill.alpha = dark ? 0.16f : 0.12f;
      g_object_set (tag,
                    "background-rgba", &fill,
                    "underline", PANGO_UNDERLINE_DOUBLE,
                    "underline-rgba", &color,
                    NULL);
      break;

    case CHANNEL_LINE:
      /* A line, not bold: a highlight must never change the text's
       * metrics and reflow the paragraph. (GTK 4.8 crashes laying out
       * an overline, so no box from text attributes.) */
      g_object_set (tag,
                    "background-rgba", &fill,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &color,
                    NULL);
      break;

    case N_CHANNELS:
    default:
      g_assert_not_reached ();
    }
}

/* A suggestion is a wavy line in its label's colour with no fill: not an
 * annotation yet, and unlike the straight lines and fills of spans. The
 * current one gets a faint fill too, to find it in a paragraph: in the
 * accent colour, as a focus is shown, so that it never reads as a span's
 * fill in its label's colour. */
static void
style_suggestion_tag (GtkTextTag *tag,
                      SmLabel    *label,
                      gboolean    current)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA color;
  GdkRGBA fill;

  if (!gdk_rgba_parse (&color, sm_label_get_color (label)))
    color = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.f };

  /* Adwaita's accent blue, as libadwaita 1.2 has no accent colour API */
  fill = dark ? (GdkRGBA) { 0.47f, 0.68f, 0.93f, 0.30f } : (GdkRGBA) { 0.21f, 0.52f, 0.89f, 0.20f };

  g_object_set (tag,
                "underline", PANGO_UNDERLINE_ERROR,
                "underline-rgba", &color,
                NULL);
  if (current)
    g_object_set (tag, "background-rgba", &fill, NULL);
}

/* The stretch a curator decides on: the current suggestion's fill */
static void
style_focus_tag (SmAnnotationView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fill = dark ? (GdkRGBA) { 0.47f, 0.68f, 0.93f, 0.30f } : (GdkRGBA) { 0.21f, 0.52f, 0.89f, 0.20f };

  g_object_set (self->focus_tag, "background-rgba", &fill, NULL);
}

/* The parts of a discontinuous span are drawn strong while the pointer
 * is over one of them or while the span is chosen, so that its gaps read
 * as gaps and its parts as one span */
static gboolean
is_emphasized (SmAnnotationView *self,
               SmSpan           *span)
{
  return sm_span_get_n_fragments (span) > 1 &&
         (span == self->hover_span || span == self->selected_span);
}

/* The fragment whose edge is being dragged is drawn where the pointer has it */
static void
get_shown_fragment (SmAnnotationView *self,
                    SmSpan           *span,
                    guint             index,
                    guint            *start,
                    guint            *end)
{
  if (span == self->drag_span && index == self->drag_fragment)
    {
      *start = self->drag_start;
      *end = self->drag_end;
    }
  else
    sm_span_get_fragment (span, index, start, end);
}

static void
apply_span (SmAnnotationView *self,
            SmSpan           *span,
            guint             clip_start,
            guint             clip_end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextTag *tag = g_hash_table_lookup (self->label_tags, sm_span_get_label (span));
  GtkTextTag *strong = NULL;

  if (tag == NULL)
    return;
  if (is_emphasized (self, span))
    strong = g_hash_table_lookup (self->strong_tags, sm_span_get_label (span));

  for (guint i = 0; i < sm_span_get_n_fragments (span); i++)
    {
      GtkTextIter start, end;
      guint fragment_start, fragment_end;

      get_shown_fragment (self, span, i, &fragment_start, &fragment_end);
      if (fragment_start >= clip_end || fragment_end <= clip_start)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (fragment_start, clip_start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (fragment_end, clip_end));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      if (strong != NULL)
        gtk_text_buffer_apply_tag (buffer, strong, &start, &end);
    }
}

/* The current suggestion, if it is still pending */
static SmSuggestion *
get_current_suggestion (SmAnnotationView *self)
{
  SmSuggestion *suggestion = self->current_suggestion;

  if (suggestion == NULL ||
      sm_document_find_suggestion (self->document, sm_suggestion_get_id (suggestion)) != suggestion)
    return NULL;

  return suggestion;
}

static void
apply_suggestion (SmAnnotationView *self,
                  SmSuggestion     *suggestion,
                  guint             clip_start,
                  guint             clip_end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GHashTable *tags = suggestion == self->current_suggestion ? self->current_tags : self->suggestion_tags;
  GtkTextTag *tag = g_hash_table_lookup (tags, sm_suggestion_get_label (suggestion));
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (sm_suggestion_get_start (suggestion), clip_start));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (sm_suggestion_get_end (suggestion), clip_end));
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static void
apply_marks (SmAnnotationView *self,
             guint             clip_start,
             guint             clip_end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  if (self->marks == NULL)
    return;

  for (guint i = 0; i < self->marks->len; i++)
    {
      SmViewMark *mark = &g_array_index (self->marks, SmViewMark, i);
      GtkTextTag *tag = g_hash_table_lookup (self->suggestion_tags, mark->label);

      if (tag == NULL || mark->start >= clip_end || mark->end <= clip_start)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (mark->start, clip_start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (mark->end, clip_end));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  if (self->focus_end > self->focus_start &&
      self->focus_start < clip_end && self->focus_end > clip_start)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (self->focus_start, clip_start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (self->focus_end, clip_end));
      gtk_text_buffer_apply_tag (buffer, self->focus_tag, &start, &end);
    }
}

static void
remove_tags (GtkTextBuffer *buffer,
             GHashTable    *tags,
             GtkTextIter   *start,
             GtkTextIter   *end)
{
  GHashTableIter iter;
  GtkTextTag *tag;

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tag))
    gtk_text_buffer_remove_tag (buffer, tag, start, end);
}

/* Takes every highlight off [start, end): a tag removed invalidates the
 * layout of the lines it is removed from, whether it was there or not, so
 * this is for what was drawn */
static void
remove_highlights (SmAnnotationView *self,
                   GtkTextIter      *start,
                   GtkTextIter      *end)
{
  GtkTextBuffer *buffer = get_buffer (self);

  remove_tags (buffer, self->label_tags, start, end);
  remove_tags (buffer, self->strong_tags, start, end);
  remove_tags (buffer, self->suggestion_tags, start, end);
  remove_tags (buffer, self->current_tags, start, end);
  gtk_text_buffer_remove_tag (buffer, self->focus_tag, start, end);
}

/* Highlights [start, end) as the document has it now, at once */
static void
draw_range (SmAnnotationView *self,
            guint             start,
            guint             end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autoptr(GPtrArray) spans = NULL;
  GtkTextIter start_iter, end_iter;

  /* What the buffer does not have yet is drawn once it does */
  if (self->fill_source != 0 && end > self->filled)
    {
      SmStretch rest = { MAX (start, self->filled), end };

      sm_stretches_add (self->undrawn, &rest, 1);
      end = self->filled;
      if (start >= end)
        return;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  remove_highlights (self, &start_iter, &end_iter);
  sm_stretches_add (self->drawn, &(SmStretch) { start, end }, 1);

  spans = sm_document_get_spans_in_range (self->document, start, end);
  for (guint i = 0; i < spans->len; i++)
    if (g_ptr_array_index (spans, i) != self->drag_span)
      apply_span (self, g_ptr_array_index (spans, i), start, end);

  /* A dragged edge may be past where the document has the span */
  if (self->drag_span != NULL)
    apply_span (self, self->drag_span, start, end);

  if (self->show_suggestions)
    {
      g_autoptr(GPtrArray) suggestions = sm_document_get_suggestions_in_range (self->document, start, end);

      for (guint i = 0; i < suggestions->len; i++)
        apply_suggestion (self, g_ptr_array_index (suggestions, i), start, end);
    }

  apply_marks (self, start, end);
}

/* Draws now whatever is left to draw in [start, end) */
static void
draw_undrawn_in (SmAnnotationView *self,
                 guint             start,
                 guint             end)
{
  g_autoptr(GArray) parts = sm_stretches_take_in (self->undrawn, start, end);

  for (guint i = 0; i < parts->len; i++)
    draw_range (self, g_array_index (parts, SmStretch, i).start, g_array_index (parts, SmStretch, i).end);
}

/* The characters in view, with as many again above and below: what a
 * scroll or a frame may show next. FALSE before the view has a size.
 *
 * The pages around are counted in characters, not pixels: GTK lays out
 * the lines in view first and the rest in idle, and a line it has not
 * laid out yet has no height. A pixel a page below the view was the
 * article's end on a fresh buffer, which made the whole of a 20 MB
 * article "in view" and drawn in the first frame (515 ms). For the same
 * reason the view itself is taken to hold at most a character for every
 * 4 × 4 pixels. */
static gboolean
get_range_in_view (SmAnnotationView *self,
                   guint            *start,
                   guint            *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter iter;
  guint top, bottom, shown;

  gtk_text_view_get_visible_rect (view, &visible);
  if (visible.height <= 0)
    return FALSE;

  gtk_text_view_get_iter_at_location (view, &iter, 0, visible.y);
  gtk_text_iter_set_line_offset (&iter, 0);
  top = gtk_text_iter_get_offset (&iter);

  gtk_text_view_get_iter_at_location (view, &iter, visible.width, visible.y + visible.height);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  bottom = gtk_text_iter_get_offset (&iter) + 1;

  shown = MIN (bottom - MIN (top, bottom), (guint) MAX (visible.width, 1) * (guint) visible.height / 16);
  *start = top - MIN (top, shown);
  *end = top + 2 * shown;

  return TRUE;
}

static void
draw_undrawn_in_view (SmAnnotationView *self)
{
  guint start, end;

  if (!self->allocating && !sm_stretches_is_empty (self->undrawn) && get_range_in_view (self, &start, &end))
    draw_undrawn_in (self, start, end);
}

/* What keeps its highlights: the range in view and KEEP_DRAWN_CHARS
 * either side. FALSE before the view has a size */
static gboolean
get_range_kept (SmAnnotationView *self,
                guint            *start,
                guint            *end)
{
  if (!get_range_in_view (self, start, end))
    return FALSE;

  *start -= MIN (*start, KEEP_DRAWN_CHARS);
  *end = MIN ((guint64) *end + KEEP_DRAWN_CHARS, sm_document_get_length (self->document));

  return TRUE;
}

/* Takes the highlights off what was drawn outside [start, end), and
 * leaves it to be drawn again once it comes near. Only where it was
 * drawn; what is drawn is noted apart from what is left to draw, since a
 * change away from the view leaves what was drawn there until it comes
 * off here */
static void
undraw_outside (SmAnnotationView *self,
                guint             start,
                guint             end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  SmStretch far[2] = {
    { 0, start },
    { end, MAX (end, sm_document_get_length (self->document)) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    {
      g_autoptr(GArray) drawn = sm_stretches_take_in (self->drawn, far[i].start, far[i].end);

      for (guint j = 0; j < drawn->len; j++)
        {
          GtkTextIter from, to;

          gtk_text_buffer_get_iter_at_offset (buffer, &from, (int) g_array_index (drawn, SmStretch, j).start);
          gtk_text_buffer_get_iter_at_offset (buffer, &to, (int) g_array_index (drawn, SmStretch, j).end);
          remove_highlights (self, &from, &to);
        }
      sm_stretches_add (self->undrawn, (const SmStretch *) (gpointer) drawn->data, drawn->len);
    }
}

/* One slice of the highlighting left: what is in view, then what has
 * come near it and what is no longer near. What comes into view is drawn
 * before it shows, so the order of the rest is not seen. */
static gboolean
draw_some (gpointer user_data)
{
  SmAnnotationView *self = user_data;
  gint64 deadline = g_get_monotonic_time () + DRAW_SLICE_USEC;
  g_autoptr(GArray) near = NULL;
  guint start, end, i = 0;

  /* Taken up again once the buffer has all the text (finish_filling()),
   * or the view has a size (size_allocate()) */
  if (self->fill_source != 0 || !get_range_kept (self, &start, &end))
    {
      self->draw_source = 0;
      return G_SOURCE_REMOVE;
    }

  draw_undrawn_in_view (self);
  undraw_outside (self, start, end);

  near = sm_stretches_take_in (self->undrawn, start, end);
  while (i < near->len && g_get_monotonic_time () < deadline)
    {
      SmStretch *next = &g_array_index (near, SmStretch, i);
      guint to = MIN (next->end, next->start + DRAW_STEP_CHARS);

      draw_range (self, next->start, to);
      next->start = to;
      if (next->start == next->end)
        i++;
    }

  if (i < near->len)
    {
      sm_stretches_add (self->undrawn, &g_array_index (near, SmStretch, i), near->len - i);
      return G_SOURCE_CONTINUE;
    }

  self->draw_source = 0;
  return G_SOURCE_REMOVE;
}

/* What is left to draw near the view, and to take off away from it, in
 * idle slices once the buffer has all the text */
static void
draw_rest_in_idle (SmAnnotationView *self)
{
  if (self->draw_source == 0 && self->fill_source == 0)
    self->draw_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, draw_some, self, NULL);
}

/* The view scrolled or was laid out anew: what comes into view is drawn
 * before it shows, and the highlights follow it */
static void
on_view_moved (SmAnnotationView *self)
{
  draw_undrawn_in_view (self);
  draw_rest_in_idle (self);
}

/* Adds @n_stretches to what is left to draw; what of it is in view is
 * drawn at once, the rest in idle slices */
static void
add_undrawn (SmAnnotationView *self,
             const SmStretch  *stretches,
             guint             n_stretches)
{
  sm_stretches_add (self->undrawn, stretches, n_stretches);

  draw_undrawn_in_view (self);
  draw_rest_in_idle (self);
}

/* Fills the buffer on with at most @max_bytes of the document's text,
 * ending at a line's end where one is in its second half: the lines GTK
 * has laid out are not laid out again */
static void
fill_piece (SmAnnotationView *self,
            gsize             max_bytes)
{
  GtkTextBuffer *buffer = get_buffer (self);
  SmText *text = sm_document_get_text (self->document);
  const char *utf8 = sm_text_get_utf8 (text);
  gsize n_bytes = sm_text_get_n_bytes (text);
  gsize from = self->filled_bytes;
  gsize to = n_bytes - from <= max_bytes ? n_bytes : from + max_bytes;
  g_autofree char *piece = NULL;
  GtkTextIter end;

  if (to < n_bytes)
    {
      gsize line_end = to;

      while (line_end > from + max_bytes / 2 && utf8[line_end - 1] != '\n')
        line_end--;
      if (utf8[line_end - 1] == '\n')
        to = line_end;
      else
        while (to > from && (utf8[to] & 0xc0) == 0x80)
          to--;
    }

  /* A copy ending in a NUL: GTK 4.8's accessibility reads the text of
   * "insert-text" to its NUL, not its length (insert_range_cb() in
   * gtkatspitext.c), so a piece of the article itself told AT-SPI the
   * whole rest of it with every piece. The 20 MB article's slices took
   * 22.8 s of the main thread so, 0.3 s with GTK_A11Y=none. */
  piece = g_strndup (utf8 + from, to - from);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, piece, (int) (to - from));

  if (self->font_set)
    {
      GtkTextIter start;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) self->filled);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_apply_tag (buffer, self->font_tag, &start, &end);
    }

  self->filled_bytes = to;
  self->filled += (guint) g_utf8_strlen (utf8 + from, (gssize) (to - from));
}

static gboolean
is_filled (SmAnnotationView *self)
{
  return self->filled_bytes == sm_text_get_n_bytes (sm_document_get_text (self->document));
}

/* The buffer has the whole text: what was left undrawn is drawn */
static void
finish_filling (SmAnnotationView *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  draw_undrawn_in_view (self);
  draw_rest_in_idle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILLED]);
}

/* One slice of the text into the buffer, and the highlights of what it
 * brings into view */
static gboolean
fill_some (gpointer user_data)
{
  SmAnnotationView *self = user_data;
  gint64 deadline = g_get_monotonic_time () + FILL_SLICE_USEC;

  do
    fill_piece (self, FILL_STEP_BYTES);
  while (!is_filled (self) && g_get_monotonic_time () < deadline);

  draw_undrawn_in_view (self);

  if (!is_filled (self))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  finish_filling (self);

  return G_SOURCE_REMOVE;
}

/**
 * sm_annotation_view_fill_to:
 * @offset: a character offset in the document
 *
 * Makes sure the buffer has the text up to @offset (all of it if
 * @offset is the document's length), for an iter there: a long article
 * goes into it in slices after the view shows. What jumps to a place
 * in the text (the span list, search, suggestions, curation) calls this
 * first.
 */
void
sm_annotation_view_fill_to (SmAnnotationView *self,
                            guint             offset)
{
  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  if (self->fill_source == 0)
    return;

  while (self->filled < offset && !is_filled (self))
    fill_piece (self, FILL_STEP_BYTES);

  if (is_filled (self))
    finish_filling (self);
}

static void
stop_holding (SmAnnotationView *self)
{
  self->holding = FALSE;
}

/* A press, a key or a scroll anywhere in the window, or the cursor
 * moved: the view is the user's again */
static gboolean
on_scroll_watch_event (SmAnnotationView *self,
                       GdkEvent         *event)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
      stop_holding (self);
      break;
    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
is_laid_out (SmAnnotationView  *self,
             const GtkTextIter *iter)
{
  int y, height;

  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), iter, &y, &height);

  return height > 0;
}

/* How far, in pixels, the view is from showing the place as asked */
static double
get_scroll_distance (SmAnnotationView  *self,
                     const GtkTextIter *place)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GdkRectangle visible, location;
  double margin;

  /* The text's start and end show with the view's margin above or below
   * them, where its scroll bar ends, as GTK's Ctrl+Home and Ctrl+End leave
   * them */
  if (!self->scroll_use_align && self->vadjustment != NULL &&
      (gtk_text_iter_is_start (place) || gtk_text_iter_is_end (place)))
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (gtk_text_iter_is_start (place))
        return gtk_adjustment_get_lower (self->vadjustment) - value;
      return gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_page_size (self->vadjustment) - value;
    }

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, place, &location);
  margin = visible.height * self->scroll_within_margin;

  /* As gtk_text_view_scroll_to_mark() places it */
  if (self->scroll_use_align)
    return location.y + self->scroll_yalign * (location.height - (visible.height - 2 * margin)) -
           margin - visible.y;
  if (location.y < visible.y + margin)
    return location.y - (visible.y + margin);
  if (location.y + location.height > visible.y + visible.height - margin)
    return location.y + location.height - (visible.y + visible.height - margin);

  return 0;
}

/* gtk_text_view_scroll_to_mark() goes by the heights of the lines laid
 * out so far, and GTK 4.8 lays out a long article's lines in idle slices
 * for many seconds (12 to 20 s for a 20 MB one). Far down, it lays out
 * the lines around the place and animates the view there; but as the
 * lines above get their heights, the view slips to other lines, screens
 * away, where GTK is meant to keep its top line in place (the place
 * remembered 15 MB down a 20 MB article ended 2,000 pixels from the
 * article's top; GTK moved the view by 721 pixels as the place moved by
 * 2,794). Each slice laid out changes the scrollable height: then the
 * view is set where the place is now, until the user presses, types or
 * scrolls, or moves the cursor. */
static void
on_scroll_changed (SmAnnotationView *self)
{
  GtkTextIter place;
  double distance;

  if (!self->holding)
    return;

  gtk_text_buffer_get_iter_at_mark (get_buffer (self), &place, self->scroll_mark);
  if (!is_laid_out (self, &place))
    return;

  distance = get_scroll_distance (self, &place);
  if (ABS (distance) >= 1)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + distance);
}

/**
 * sm_annotation_view_scroll_to_offset:
 * @offset: a character offset in the document
 * @within_margin: margin as a [0.0, 0.5) fraction of the view's height
 * @use_align: whether to put @offset at @yalign, or only to bring it into
 *   sight
 * @yalign: where to put @offset: 0.0 at the top, 1.0 at the bottom
 *
 * Scrolls to @offset as gtk_text_view_scroll_to_mark() does, also on a
 * long article still being filled in or laid out, where that misses, and
 * holds it there while the lines above are laid out (see
 * on_scroll_changed()) until the user presses, types or scrolls in the
 * window, or the cursor moves. What jumps to a place in the text (the
 * span list, search, suggestions, curation, the place a document was
 * left at) goes through here.
 */
void
sm_annotation_view_scroll_to_offset (SmAnnotationView *self,
                                     guint             offset,
                                     double            within_margin,
                                     gboolean          use_align,
                                     double            yalign)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (within_margin >= 0.0 && within_margin < 0.5);
  g_return_if_fail (yalign >= 0.0 && yalign <= 1.0);

  buffer = get_buffer (self);
  sm_annotation_view_fill_to (self, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  if (self->scroll_mark == NULL)
    self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark,
                                within_margin, use_align, 0.0, yalign);

  self->scroll_within_margin = within_margin;
  self->scroll_use_align = !!use_align;
  self->scroll_yalign = yalign;
  self->holding = self->vadjustment != NULL;
}

/**
 * sm_annotation_view_get_filled:
 *
 * Returns: whether the buffer has the whole of the document's text yet
 */
gboolean
sm_annotation_view_get_filled (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  return self->fill_source == 0;
}

/* Highlights [start, end) anew: a long stretch, or one that goes beyond
 * what keeps its highlights, where it is in view at once and the rest
 * near the view in idle slices, so that a long article opens, and its
 * labels change, without waiting for every span */
static void
redraw_range (SmAnnotationView *self,
              guint             start,
              guint             end)
{
  SmStretch stretch = { start, end };
  guint kept_start, kept_end;

  if (end - MIN (start, end) <= DRAW_AT_ONCE_CHARS &&
      (!get_range_kept (self, &kept_start, &kept_end) || (start >= kept_start && end <= kept_end)))
    draw_range (self, start, end);
  else
    add_undrawn (self, &stretch, 1);
}

/* The view scrolled: what comes into view is drawn before it shows */
static void
on_vadjustment_changed (SmAnnotationView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;

  stop_holding (self);
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, on_view_moved, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, on_scroll_changed, self);
    }
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (on_view_moved), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed",
                               G_CALLBACK (on_scroll_changed), self, G_CONNECT_SWAPPED);
    }
}

/* Draws @span's parts anew, as one span of several fragments is drawn
 * strong or not as a whole */
static void
redraw_span (SmAnnotationView *self,
             SmSpan           *span)
{
  if (span != NULL && sm_span_get_n_fragments (span) > 1)
    redraw_range (self, sm_span_get_start (span), sm_span_get_end (span));
}

/* Puts @span in @slot (the hovered or the chosen span), drawing anew
 * the span it replaces and @span */
static void
replace_emphasized_span (SmAnnotationView  *self,
                         SmSpan           **slot,
                         SmSpan            *span)
{
  g_autoptr(SmSpan) old = NULL;

  if (*slot == span)
    return;

  old = g_steal_pointer (slot);
  g_set_object (slot, span);
  redraw_span (self, old);
  redraw_span (self, span);
}

static void
set_hover_span (SmAnnotationView *self,
                SmSpan           *span)
{
  replace_emphasized_span (self, &self->hover_span, span);
}

static void
set_selected_span (SmAnnotationView *self,
                   SmSpan           *span)
{
  replace_emphasized_span (self, &self->selected_span, span);
}

static void
on_range_changed (SmAnnotationView *self,
                  guint             start,
                  guint             end,
                  SmDocument       *document)
{
  redraw_range (self, start, end);
}

/* A batch of changes (Tag All Matches, its undo, a run's suggestions): a
 * few are drawn at once, as one change is; of more, the ranges in view are
 * drawn at once and the others in idle slices, so that thousands of spans
 * never hold the window up */
static void
on_ranges_changed (SmAnnotationView *self,
                   GArray           *ranges,
                   SmDocument       *document)
{
  guint length = 0;

  /* The ranges come as pairs of offsets, as an SmStretch is laid out */
  G_STATIC_ASSERT (sizeof (SmStretch) == 2 * sizeof (guint));

  for (guint i = 0; i + 1 < ranges->len && length <= DRAW_AT_ONCE_CHARS; i += 2)
    length += g_array_index (ranges, guint, i + 1) - g_array_index (ranges, guint, i);

  if (ranges->len / 2 > DRAW_AT_ONCE_RANGES || length > DRAW_AT_ONCE_CHARS)
    {
      add_undrawn (self, (const SmStretch *) (gpointer) ranges->data, ranges->len / 2);
      return;
    }

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    redraw_range (self, g_array_index (ranges, guint, i), g_array_index (ranges, guint, i + 1));
}

/* A popover that changes size (a relabel shows "Said by", renames the
 * title) only asks its parent for a new allocation, which GTK can drop:
 * the article was then drawn blank until the next scroll. A resize of the
 * view reaches the window, and size_allocate() presents the popover anew. */
static void
on_document_changed (SmAnnotationView *self)
{
  if (self->span_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->span_popover)))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Takes @tags (label id -> tag) out of @table, and forgets them */
static void
forget_tags (GtkTextTagTable *table,
             GHashTable      *tags)
{
  GHashTableIter iter;
  GtkTextTag *tag;

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (tags);
}

/* (Re)creates one tag per label, the underlined ones lowest so that fills
 * of nested spans show over them, then highlights every span. */
static void
rebuild_label_tags (SmAnnotationView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GListModel *labels = sm_document_get_labels (self->document);
  guint n_labels = g_list_model_get_n_items (labels);
  GtkTextTag *tag;

  forget_tags (table, self->label_tags);
  forget_tags (table, self->strong_tags);
  forget_tags (table, self->suggestion_tags);
  forget_tags (table, self->current_tags);

  /* The strong tags last, over every label's own */
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < n_labels; i++)
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
          gboolean underlined = i % N_CHANNELS == CHANNEL_UNDERLINE;
          gboolean strong = pass == 2;

          if (!strong && underlined != (pass == 0))
            continue;

          tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
          style_label_tag (self, tag, label, i, strong);
          g_hash_table_insert (strong ? self->strong_tags : self->label_tags,
                               g_strdup (sm_label_get_id (label)), tag);
        }
    }

  /* Suggestions over spans, so that their wavy line shows on a span's
   * text; the current one's over them all */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_labels; i++)
      {
        g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
        gboolean current = pass == 1;

        tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
        style_suggestion_tag (tag, label, current);
        g_hash_table_insert (current ? self->current_tags : self->suggestion_tags,
                             g_strdup (sm_label_get_id (label)), tag);
      }

  redraw_range (self, 0, sm_document_get_length (self->document));
}

static void
restyle_label_tags (SmAnnotationView *self)
{
  GListModel *labels = sm_document_get_labels (self->document);
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (get_buffer (self));

  style_focus_tag (self);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      GtkTextTag *tag = g_hash_table_lookup (self->label_tags, sm_label_get_id (label));
      GtkTextTag *strong = g_hash_table_lookup (self->strong_tags, sm_label_get_id (label));

      if (tag != NULL)
        style_label_tag (self, tag, label, i, FALSE);
      if (strong != NULL)
        style_label_tag (self, strong, label, i, TRUE);
      if ((tag = g_hash_table_lookup (self->suggestion_tags, sm_label_get_id (label))) != NULL)
        style_suggestion_tag (tag, label, FALSE);
      if ((tag = g_hash_table_lookup (self->current_tags, sm_label_get_id (label))) != NULL)
        style_suggestion_tag (tag, label, TRUE);
    }

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (manager,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
}

/* The context menu offers the labels too, as "Tag as Speaker" and so on */
static void
rebuild_context_menu (SmAnnotationView *self)
{
  GListModel *labels = sm_document_get_labels (self->document);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *text = NULL;

      /* Translators: a context menu item, %s is a label's name */
      text = g_strdup_printf (_("Tag as %s"), sm_label_get_name (label));
      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target_value (item, "win.tag",
                                               g_variant_new_string (sm_label_get_id (label)));
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), G_MENU_MODEL (menu));
}

static void
on_label_changed (SmAnnotationView *self)
{
  restyle_label_tags (self);
  rebuild_context_menu (self);
}

static void
on_labels_changed (SmAnnotationView *self,
                   guint             position,
                   guint             removed,
                   guint             added,
                   GListModel       *labels)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_signal_connect_object (label, "notify",
                               G_CALLBACK (on_label_changed), self, G_CONNECT_SWAPPED);
    }

  rebuild_label_tags (self);
  rebuild_context_menu (self);
}

/* Suggestions */

/* The pending suggestion at @offset: the innermost of several */
static SmSuggestion *
find_suggestion_at (SmAnnotationView *self,
                    guint             offset)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  SmSuggestion *best = NULL;

  if (!self->show_suggestions)
    return NULL;

  suggestions = sm_document_get_suggestions_in_range (self->document, offset, offset + 1);
  for (guint i = 0; i < suggestions->len; i++)
    {
      SmSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (best == NULL ||
          sm_suggestion_get_end (suggestion) - sm_suggestion_get_start (suggestion) <
          sm_suggestion_get_end (best) - sm_suggestion_get_start (best))
        best = suggestion;
    }

  return best;
}

/* The innermost span at @offset, as long as it is */
static guint
innermost_span_length (SmAnnotationView *self,
                       guint             offset)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_at (self->document, offset);
  guint best = G_MAXUINT;

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      best = MIN (best, sm_span_get_end (span) - sm_span_get_start (span));
    }

  return best;
}

/* The current suggestion, if the cursor is in it: what Return and
 * Backspace act on */
static SmSuggestion *
get_suggestion_at_cursor (SmAnnotationView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  SmSuggestion *suggestion = get_current_suggestion (self);
  GtkTextIter iter;
  guint cursor;

  if (suggestion == NULL || !self->show_suggestions)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&iter);
  if (cursor < sm_suggestion_get_start (suggestion) || cursor > sm_suggestion_get_end (suggestion))
    return NULL;

  return suggestion;
}

static void
redraw_suggestion (SmAnnotationView *self,
                   SmSuggestion     *suggestion)
{
  if (suggestion != NULL)
    redraw_range (self, sm_suggestion_get_start (suggestion), sm_suggestion_get_end (suggestion));
}

static void
replace_current_suggestion (SmAnnotationView *self,
                            SmSuggestion     *suggestion)
{
  g_autoptr(SmSuggestion) old = NULL;

  if (self->current_suggestion == suggestion)
    return;

  old = g_steal_pointer (&self->current_suggestion);
  g_set_object (&self->current_suggestion, suggestion);
  redraw_suggestion (self, old);
  redraw_suggestion (self, suggestion);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_SUGGESTION]);
}


/* Selections */

/* Grows a range that starts or ends inside a word to the word's edges, then
 * drops spaces at either end: what people mean when they drag roughly. The
 * words are the core's (sm-word.c), the ones CoNLL exports as tokens. */
static void
snap_range (SmAnnotationView *self,
            GtkTextIter      *start,
            GtkTextIter      *end)
{
  guint start_offset = gtk_text_iter_get_offset (start);
  guint end_offset = gtk_text_iter_get_offset (end);

  if (!sm_word_snap (sm_document_get_text (self->document), &start_offset, &end_offset))
    {
      *start = *end;
      return;
    }

  gtk_text_iter_set_offset (start, start_offset);
  gtk_text_iter_set_offset (end, end_offset);
}

/**
 * sm_annotation_view_get_selection:
 * @start: (out) (optional): first code point of the selection
 * @end: (out) (optional): code point after it
 *
 * Returns: whether some text is selected
 */
gboolean
sm_annotation_view_get_selection (SmAnnotationView *self,
                                  guint            *start,
                                  guint            *end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &start_iter, &end_iter))
    return FALSE;

  if (start)
    *start = gtk_text_iter_get_offset (&start_iter);
  if (end)
    *end = gtk_text_iter_get_offset (&end_iter);

  return TRUE;
}

void
sm_annotation_view_select_range (SmAnnotationView *self,
                                 guint             start,
                                 guint             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  buffer = get_buffer (self);
  sm_annotation_view_fill_to (self, MAX (start, end));
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

/* The span chosen for Shift and the arrows */

/* Chooses @span, with the cursor at @cursor and the selection's other end
 * at @bound: its text selected, or only the cursor at one of its edges.
 * A span of several fragments is never shown selected: a selection would
 * cover its gaps too; its parts are drawn strong instead. */
static void
choose_span (SmAnnotationView *self,
             SmSpan           *span,
             guint             cursor,
             guint             bound)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter cursor_iter, bound_iter;

  if (sm_span_get_n_fragments (span) > 1)
    bound = cursor;

  sm_annotation_view_fill_to (self, MAX (cursor, bound));
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor_iter, cursor);
  gtk_text_buffer_get_iter_at_offset (buffer, &bound_iter, bound);

  self->choosing = TRUE;
  gtk_text_buffer_select_range (buffer, &cursor_iter, &bound_iter);
  self->choosing = FALSE;

  set_selected_span (self, span);
}

/* Chooses @span as the span list and its popover do: the cursor at its
 * end, which Shift and the arrows then move */
static void
choose_whole_span (SmAnnotationView *self,
                   SmSpan           *span)
{
  choose_span (self, span, sm_span_get_end (span), sm_span_get_start (span));
}

/* Any other move of the cursor (a click, an arrow, a search) forgets the
 * chosen span: Shift and the arrows select text again */
static void
on_mark_set (SmAnnotationView *self,
             GtkTextIter      *location,
             GtkTextMark      *mark,
             GtkTextBuffer    *buffer)
{
  if (!self->choosing && mark == gtk_text_buffer_get_insert (buffer))
    {
      set_selected_span (self, NULL);
      stop_holding (self);
    }
}

/* The chosen span, if it is still in the document, wherever the cursor
 * is in it (at an inner edge, after a drag of that edge) */
static SmSpan *
get_selected_span (SmAnnotationView *self)
{
  SmSpan *span = self->selected_span;

  if (span == NULL || sm_document_find_span (self->document, sm_span_get_id (span)) != span)
    return NULL;

  return span;
}

/* The chosen span, still in the document, with the cursor at its edge
 * that Shift and the arrows move (@moving) and the other edge (@fixed).
 * Its text is selected, or nothing is (after a drag of that edge, which
 * leaves the highlight in view). */
static SmSpan *
get_chosen_span (SmAnnotationView *self,
                 guint            *moving,
                 guint            *fixed)
{
  GtkTextBuffer *buffer = get_buffer (self);
  SmSpan *span = get_selected_span (self);
  GtkTextIter iter;
  guint cursor, bound, start, end;

  if (span == NULL)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_selection_bound (buffer));
  bound = gtk_text_iter_get_offset (&iter);
  start = sm_span_get_start (span);
  end = sm_span_get_end (span);

  if (cursor != start && cursor != end)
    return NULL;
  if (bound != cursor && bound != (cursor == start ? end : start))
    return NULL;

  if (moving)
    *moving = cursor;
  if (fixed)
    *fixed = cursor == start ? end : start;

  return span;
}

/**
 * sm_annotation_view_select_word_at:
 * @offset: a code point
 *
 * Selects the word at @offset, as a double-click does: the core's word
 * (sm-word.c), so "3.3%" or "U.S." whole, with or without snapping.
 *
 * Returns: whether there is a word at @offset, %FALSE on a space
 */
gboolean
sm_annotation_view_select_word_at (SmAnnotationView *self,
                                   guint             offset)
{
  guint start, end;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  if (!sm_word_find (sm_document_get_text (self->document), offset, &start, &end))
    return FALSE;

  sm_annotation_view_select_range (self, start, end);
  return TRUE;
}

/**
 * sm_annotation_view_snap_selection:
 *
 * Snaps the selection to whole words, if snapping is on.
 */
void
sm_annotation_view_snap_selection (SmAnnotationView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  buffer = get_buffer (self);
  if (!self->snap_to_words || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  snap_range (self, &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return;

  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
point_popover_at (SmAnnotationView *self,
                  GtkPopover       *popover,
                  GtkTextIter      *iter)
{
  GdkRectangle rect;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  rect.width = MAX (rect.width, 1);
  /* A place scrolled out of sight (a selection made, then the view
   * scrolled away) is pointed at from the view's edge: GTK 4.8 cannot
   * place a popover on no monitor, and fails a check doing so */
  rect.x = CLAMP (rect.x, 0, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - rect.width, 0));
  rect.y = CLAMP (rect.y, 0, MAX (gtk_widget_get_height (GTK_WIDGET (self)) - rect.height, 0));
  gtk_popover_set_pointing_to (popover, &rect);
}

/* A label clicked in the popover has done its work, tagged or refused:
 * the popover goes, so the highlight shows and the next drag is the
 * article's */
static void
on_tag_button_clicked (SmAnnotationView *self)
{
  gtk_popover_popdown (self->tag_popover);
}

static void
rebuild_tag_popover (SmAnnotationView *self)
{
  GListModel *labels = sm_document_get_labels (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_popover_box))))
    gtk_box_remove (self->tag_popover_box, child);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
      GtkWidget *button = sm_label_button_new (label);

      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (on_tag_button_clicked), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->tag_popover_box, button);
    }
}

/**
 * sm_annotation_view_show_tag_popover:
 *
 * Offers the labels next to the selection, so one more click tags it.
 */
void
sm_annotation_view_show_tag_popover (SmAnnotationView *self)
{
  GtkTextIter start, end;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
    return;

  rebuild_tag_popover (self);
  point_popover_at (self, self->tag_popover, &end);
  gtk_popover_popup (self->tag_popover);
}

static gboolean
on_tag_popover_key_pressed (SmAnnotationView      *self,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0 };
  SmLabel *label;

  if (c == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  g_unichar_to_utf8 (c, key);
  if ((label = sm_document_find_label_by_key (self->document, key)) == NULL)
    return FALSE;

  gtk_popover_popdown (self->tag_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s", sm_label_get_id (label));

  return TRUE;
}

/* Spans under the pointer */

/**
 * sm_annotation_view_show_spans_at:
 * @offset: a code point offset
 *
 * Opens the popover that edits each span covering @offset, if any.
 */
void
sm_annotation_view_show_spans_at (SmAnnotationView *self,
                                  guint             offset)
{
  g_autoptr(GPtrArray) spans = NULL;
  GtkWidget *child;
  GtkTextIter iter;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  spans = sm_document_get_spans_at (self->document, offset);
  if (spans->len == 0)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->span_popover_box))))
    gtk_box_remove (self->span_popover_box, child);

  for (guint i = 0; i < spans->len; i++)
    {
      if (i > 0)
        gtk_box_append (self->span_popover_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (self->span_popover_box,
                      sm_span_editor_new (self->document, g_ptr_array_index (spans, i)));
    }

  /* The span edited is the one Shift and the arrows resize, once the
   * popover has closed */
  choose_whole_span (self, g_ptr_array_index (spans, 0));

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  point_popover_at (self, self->span_popover, &iter);
  gtk_popover_popup (self->span_popover);
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->span_popover_box)));
}

GtkPopover *
sm_annotation_view_get_span_popover (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), NULL);

  return self->span_popover;
}

static gboolean
offset_at_point (SmAnnotationView *self,
                 double            x,
                 double            y,
                 guint            *offset)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;
  int trailing;
  GdkRectangle rect;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);

  /* The character under the pointer, not the nearest gap between two */
  if (!gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, &trailing, buffer_x, buffer_y))
    return FALSE;

  /* Past the end of a line is not over any character */
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &rect);
  if (buffer_x > rect.x + rect.width || gtk_text_iter_ends_line (&iter))
    return FALSE;

  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* GtkTextView starts dragging the selected text when a press lands inside
 * the selection. Nothing here can be dropped or moved (the article is
 * read-only), so such a press starts a new selection instead: the
 * selection is dropped before the text view sees the press. */
static void
forget_selection_under_press (SmAnnotationView *self,
                              int               n_press,
                              double            x,
                              double            y,
                              GtkGestureClick  *gesture)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter start, end, iter;
  int buffer_x, buffer_y;

  if (n_press != 1 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY ||
      (state & GDK_SHIFT_MASK) != 0 ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y) ||
      !gtk_text_iter_in_range (&iter, &start, &end))
    return;

  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* After a choice in one of the span popover's dropdowns, GTK 4.8 on X11
 * hands the popover the clicks beside it, through its grab, but no longer
 * closes it for them: the popover stayed open over the article whatever
 * the user clicked. A click beside the popover closes it, as its autohide
 * means, and does nothing else. */
static void
on_press_beside_popover (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         gpointer         user_data)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover));
  graphene_rect_t bounds;

  if (child == NULL || !gtk_widget_compute_bounds (child, popover, &bounds) ||
      graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Dragging a span's edge
 *
 * A press within EDGE_SLOP pixels of a span's edge (its first character's
 * leading side, its last character's trailing side) takes that edge
 * instead of starting a selection. The span's highlight follows the
 * pointer, snapped to words as a selection is; the release gives the span
 * its new extent as one undoable change that keeps its id, links and
 * note, and Escape lets go of it. A press and release in place is still a
 * click, which opens the span's popover. */

/* Whether (@buffer_x, @buffer_y) is on the line of the character at
 * @offset, near its leading or its trailing side. Pango puts a
 * character's leading side at x and its trailing side at x + width
 * (a negative width in right-to-left text), so this holds both ways. */
static gboolean
near_char_side (SmAnnotationView *self,
                guint             offset,
                gboolean          trailing,
                int               buffer_x,
                int               buffer_y)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int side;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &rect);
  if (buffer_y < rect.y || buffer_y >= rect.y + rect.height)
    return FALSE;

  side = trailing ? rect.x + rect.width : rect.x;
  return ABS (buffer_x - side) <= EDGE_SLOP;
}

/* An edge a press could take: the start or the end of one fragment */
typedef struct
{
  SmSpan   *span;
  guint     fragment;
  guint     start;
  guint     end;
  gboolean  is_end;
} FragmentEdge;

/* Where edges of several spans meet, which one a press takes: the chosen
 * span's first, since the user has said which span they mean (so a claim
 * that ends with a figure is reached by picking the claim first); then the
 * edge of the span the pointer is over rather than its neighbour's; then
 * the shortest fragment's, the innermost of nested ones, which could not
 * be reached otherwise while the outer one can be picked first. */
static gboolean
is_better_edge (SmAnnotationView *self,
                guint             under,
                const FragmentEdge       *edge,
                const FragmentEdge       *best)
{
  SmSpan *chosen = get_chosen_span (self, NULL, NULL);
  gboolean over, best_over;

  if (best->span == NULL)
    return TRUE;
  if ((edge->span == chosen) != (best->span == chosen))
    return edge->span == chosen;

  over = (edge->is_end ? edge->end - 1 : edge->start) == under;
  best_over = (best->is_end ? best->end - 1 : best->start) == under;
  if (over != best_over)
    return over;

  return edge->end - edge->start < best->end - best->start;
}

/* Adds the fragments starting (or, with @is_end, ending) at @boundary to
 * the candidates for the edge under the pointer: an edge inside a
 * discontinuous span, at one of its gaps, is dragged as any other */
static void
consider_edges (SmAnnotationView *self,
                guint             boundary,
                gboolean          is_end,
                guint             under,
                FragmentEdge             *best)
{
  g_autoptr(GPtrArray) spans = NULL;
  guint inside = is_end ? boundary - 1 : boundary;

  spans = sm_document_get_spans_at (self->document, inside);
  for (guint i = 0; i < spans->len; i++)
    {
      FragmentEdge edge = { g_ptr_array_index (spans, i), 0, 0, 0, is_end };

      if (!sm_span_find_fragment (edge.span, inside, &edge.fragment))
        continue;
      sm_span_get_fragment (edge.span, edge.fragment, &edge.start, &edge.end);
      if ((is_end ? edge.end : edge.start) != boundary ||
          !is_better_edge (self, under, &edge, best))
        continue;

      *best = edge;
    }
}

/* The fragment's edge at (@x, @y), in widget coordinates, if any */
static gboolean
find_edge_at (SmAnnotationView *self,
              double            x,
              double            y,
              FragmentEdge             *best)
{
  guint length = sm_document_get_length (self->document);
  GtkTextIter iter;
  int buffer_x, buffer_y, trailing;
  guint under;

  *best = (FragmentEdge) { NULL, 0, 0, 0, FALSE };

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, &trailing, buffer_x, buffer_y);
  under = gtk_text_iter_get_offset (&iter);

  /* The pointer is near the sides of the character under it: the edges
   * before it and after it */
  for (guint boundary = under; boundary <= under + 1 && boundary <= length; boundary++)
    {
      if (boundary < length && near_char_side (self, boundary, FALSE, buffer_x, buffer_y))
        consider_edges (self, boundary, FALSE, under, best);
      if (boundary > 0 && near_char_side (self, boundary - 1, TRUE, buffer_x, buffer_y))
        consider_edges (self, boundary, TRUE, under, best);
    }

  return best->span != NULL;
}

/* The gap between characters nearest to (@x, @y), where an edge dropped
 * there goes */
static guint
boundary_at_point (SmAnnotationView *self,
                   double            x,
                   double            y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y, trailing;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, &trailing, buffer_x, buffer_y);
  gtk_text_iter_forward_chars (&iter, trailing);

  return gtk_text_iter_get_offset (&iter);
}

/* The extent the span gets with its moving edge dropped at @boundary */
static void
get_dragged_extent (SmAnnotationView *self,
                    guint             boundary,
                    guint            *start,
                    guint            *end)
{
  guint snapped_start, snapped_end;

  /* The edge stops a character short of the other one, so the span is
   * never empty or inside out */
  if (self->drag_moves_end)
    {
      *start = self->drag_fixed;
      *end = MAX (boundary, self->drag_fixed + 1);
    }
  else
    {
      *start = MIN (boundary, self->drag_fixed - 1);
      *end = self->drag_fixed;
    }

  /* Snapped as a selection is, at the moving edge only: the other one
   * stays where the span has it, whole words or not */
  snapped_start = *start;
  snapped_end = *end;
  if (!self->snap_to_words ||
      !sm_word_snap (sm_document_get_text (self->document), &snapped_start, &snapped_end))
    return;

  if (self->drag_moves_end && snapped_end > *start)
    *end = snapped_end;
  else if (!self->drag_moves_end && snapped_start < *end)
    *start = snapped_start;
}

/* The cursor waits at the edge that moves: where Shift and the arrows
 * carry on after the release */
static void
place_cursor_at_edge (SmAnnotationView *self,
                      SmSpan           *span,
                      guint             edge)
{
  choose_span (self, span, edge, edge);
}

/* Says why the document refused the extent (a copy of another span of
 * the label), in the window's words for the same refusal when tagging */
static void
report_refusal (SmAnnotationView *self,
                SmSpan           *span,
                guint             start,
                guint             end,
                GError           *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SM_TYPE_WINDOW);
  SmLabel *label = sm_document_find_label (self->document, sm_span_get_label (span));
  g_autofree char *message = NULL;

  gtk_widget_error_bell (GTK_WIDGET (self));

  if (g_error_matches (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE))
    {
      g_autofree char *text = sm_text_dup_slice (sm_document_get_text (self->document), start, end);

      /* Translators: a toast; %s are the selected text and a label's name */
      message = g_strdup_printf (_("“%s” is already tagged as %s"), text,
                                 label ? sm_label_get_name (label) : sm_span_get_label (span));
    }
  else
    message = g_strdup (error->message);

  if (window != NULL)
    sm_window_show_toast (SM_WINDOW (window), message);
}

/* Ends the drag, drawing the span where the document has it */
static SmSpan *
stop_edge_drag (SmAnnotationView *self)
{
  SmSpan *span = g_steal_pointer (&self->drag_span);

  redraw_range (self,
                MIN (self->drag_start, sm_span_get_start (span)),
                MAX (self->drag_end, sm_span_get_end (span)));
  /* Its other parts, drawn strong while it was chosen */
  redraw_span (self, span);

  return span;
}

/**
 * sm_annotation_view_begin_edge_drag:
 * @x: where the press is, in the view's coordinates
 * @y: where the press is
 *
 * Takes the edge of the span at (@x, @y), as a press there does, for
 * sm_annotation_view_update_edge_drag() to move.
 *
 * Returns: whether a span's edge is there
 */
gboolean
sm_annotation_view_begin_edge_drag (SmAnnotationView *self,
                                    double            x,
                                    double            y)
{
  FragmentEdge edge;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  sm_annotation_view_cancel_edge_drag (self);
  self->drag_phase = EDGE_DRAG_NONE;

  if (!find_edge_at (self, x, y, &edge))
    return FALSE;

  g_set_object (&self->drag_span, edge.span);
  self->drag_fragment = edge.fragment;
  self->drag_moves_end = edge.is_end;
  self->drag_start = edge.start;
  self->drag_end = edge.end;
  self->drag_fixed = edge.is_end ? self->drag_start : self->drag_end;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_phase = EDGE_DRAG_PRESSED;

  /* As a press on the text would: the keyboard comes here (for Escape,
   * then Shift and the arrows), and any selection goes */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  place_cursor_at_edge (self, edge.span, edge.is_end ? self->drag_end : self->drag_start);

  return TRUE;
}

/**
 * sm_annotation_view_update_edge_drag:
 * @x: where the pointer is, in the view's coordinates
 * @y: where the pointer is
 *
 * Moves the edge taken by sm_annotation_view_begin_edge_drag() to the
 * pointer; only the highlight shows it until the drag ends.
 */
void
sm_annotation_view_update_edge_drag (SmAnnotationView *self,
                                     double            x,
                                     double            y)
{
  guint start, end, old_start, old_end;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  if (self->drag_span == NULL)
    return;

  /* A hand that trembles on a click does not move the edge */
  if (self->drag_phase == EDGE_DRAG_PRESSED &&
      ABS (x - self->drag_x) < CLICK_SLOP && ABS (y - self->drag_y) < CLICK_SLOP)
    return;
  self->drag_phase = EDGE_DRAG_MOVING;

  get_dragged_extent (self, boundary_at_point (self, x, y), &start, &end);
  if (start == self->drag_start && end == self->drag_end)
    return;

  old_start = self->drag_start;
  old_end = self->drag_end;
  self->drag_start = start;
  self->drag_end = end;
  redraw_range (self, MIN (start, old_start), MAX (end, old_end));
  place_cursor_at_edge (self, self->drag_span, self->drag_moves_end ? end : start);
}

/**
 * sm_annotation_view_end_edge_drag:
 *
 * Gives the span the extent its dragged edge has reached, as one undoable
 * change that keeps its id, links and note; a copy of another span of
 * its label is refused, with a toast.
 *
 * Returns: whether the span took the extent: %FALSE without a drag, for a
 *   press that did not move (a click) or after a refusal
 */
gboolean
sm_annotation_view_end_edge_drag (SmAnnotationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSpan) span = NULL;
  guint start, end;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  if (self->drag_span == NULL)
    return FALSE;
  span = stop_edge_drag (self);

  /* A press that never moved stays PRESSED: its release is a click */
  if (self->drag_phase != EDGE_DRAG_MOVING)
    return FALSE;
  self->drag_phase = EDGE_DRAG_DONE;

  /* Undone or deleted while the pointer held it */
  if (sm_document_find_span (self->document, sm_span_get_id (span)) != span)
    return FALSE;

  /* A discontinuous span's fragment moves alone, and merges with a
   * neighbour it reaches; it was the span's only one, unless undone */
  start = self->drag_start;
  end = self->drag_end;
  if (sm_span_get_n_fragments (span) > 1 && self->drag_fragment < sm_span_get_n_fragments (span)
      ? !sm_document_set_fragment_range (self->document, span, self->drag_fragment, start, end, &error)
      : !sm_document_set_span_range (self->document, span, start, end, &error))
    {
      report_refusal (self, span, start, end, error);
      return FALSE;
    }

  place_cursor_at_edge (self, span, self->drag_moves_end ? end : start);
  return TRUE;
}

/**
 * sm_annotation_view_cancel_edge_drag:
 *
 * Lets go of a dragged edge (Escape), leaving the span as it was.
 */
void
sm_annotation_view_cancel_edge_drag (SmAnnotationView *self)
{
  g_autoptr(SmSpan) span = NULL;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  if (self->drag_span == NULL)
    return;

  span = stop_edge_drag (self);
  self->drag_phase = EDGE_DRAG_DONE;
  if (sm_document_find_span (self->document, sm_span_get_id (span)) == span &&
      self->drag_fragment < sm_span_get_n_fragments (span))
    {
      guint start, end;

      sm_span_get_fragment (span, self->drag_fragment, &start, &end);
      place_cursor_at_edge (self, span, self->drag_moves_end ? end : start);
    }
}

/* Over an edge, the pointer says it can be dragged; the text view's own
 * pointer is the text one */
static void
update_pointer (SmAnnotationView *self,
                double            x,
                double            y)
{
  FragmentEdge edge;
  gboolean on_edge = self->drag_span != NULL || find_edge_at (self, x, y, &edge);
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (self));
  gboolean shown = cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), "col-resize") == 0;

  if (on_edge != shown)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), on_edge ? "col-resize" : "text");
}

/* The discontinuous span the pointer is over, if any: the innermost of
 * several */
static SmSpan *
find_discontinuous_span_at (SmAnnotationView *self,
                            double            x,
                            double            y)
{
  g_autoptr(GPtrArray) spans = NULL;
  SmSpan *best = NULL;
  guint offset;

  if (!offset_at_point (self, x, y, &offset))
    return NULL;

  spans = sm_document_get_spans_at (self->document, offset);
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (sm_span_get_n_fragments (span) > 1 &&
          (best == NULL ||
           sm_span_get_end (span) - sm_span_get_start (span) < sm_span_get_end (best) - sm_span_get_start (best)))
        best = span;
    }

  return best;
}

static void
on_pointer_motion (SmAnnotationView         *self,
                   double                    x,
                   double                    y,
                   GtkEventControllerMotion *controller)
{
  update_pointer (self, x, y);
  set_hover_span (self, find_discontinuous_span_at (self, x, y));
}

static void
on_pointer_leave (SmAnnotationView         *self,
                  GtkEventControllerMotion *controller)
{
  set_hover_span (self, NULL);
}

/* Ctrl and a drag over text with a span chosen: the text dragged over,
 * snapped to words as any selection, becomes one more fragment of the
 * span, as one undoable change. The span stays chosen, for the next. */
static void
add_selection_to_span (SmAnnotationView *self,
                       SmSpan           *span)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SM_TYPE_WINDOW);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  guint start, end;

  sm_annotation_view_snap_selection (self);
  if (!sm_annotation_view_get_selection (self, &start, &end) ||
      sm_document_find_span (self->document, sm_span_get_id (span)) != span)
    return;

  if (sm_document_add_fragment (self->document, span, start, end, &error))
    {
      choose_whole_span (self, span);
      return;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
  text = sm_text_dup_slice (sm_document_get_text (self->document), start, end);
  if (sm_span_contains (span, start, end))
    /* Translators: a toast; %s is the text dragged over with Ctrl */
    message = g_strdup_printf (_("“%s” is already part of this span"), text);
  else if (g_error_matches (error, SM_DOCUMENT_ERROR, SM_DOCUMENT_ERROR_DUPLICATE))
    /* Translators: a toast; %s is the text dragged over with Ctrl */
    message = g_strdup_printf (_("Adding “%s” would make this span a copy of another"), text);
  else
    message = g_strdup (error->message);

  if (window != NULL)
    sm_window_show_toast (SM_WINDOW (window), message);
  choose_whole_span (self, span);
}

static void
on_drag_update (SmAnnotationView *self,
                double            offset_x,
                double            offset_y,
                GtkGestureDrag   *gesture)
{
  double x, y;

  if (self->drag_span == NULL || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;

  sm_annotation_view_update_edge_drag (self, x + offset_x, y + offset_y);
}

static void
on_drag_end (SmAnnotationView *self,
             double            offset_x,
             double            offset_y,
             GtkGestureDrag   *gesture)
{
  sm_annotation_view_end_edge_drag (self);
}

static void
on_drag_cancel (SmAnnotationView *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  sm_annotation_view_cancel_edge_drag (self);
}

static gboolean
accept_clicked_suggestion (gpointer user_data)
{
  SmAnnotationView *self = user_data;
  g_autoptr(SmSuggestion) suggestion = g_steal_pointer (&self->clicked_suggestion);

  self->accept_click_source = 0;

  if (suggestion != NULL && self->show_suggestions &&
      sm_document_find_suggestion (self->document, sm_suggestion_get_id (suggestion)) == suggestion)
    {
      replace_current_suggestion (self, suggestion);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.accept-suggestion", "b", FALSE);
    }

  return G_SOURCE_REMOVE;
}

static void
on_click_pressed (SmAnnotationView *self,
                  int               n_press,
                  double            x,
                  double            y,
                  GtkGestureClick  *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->press_x = x;
  self->press_y = y;
  self->drag_phase = EDGE_DRAG_NONE;

  /* Another press: the click on a suggestion was not a plain click */
  g_clear_handle_id (&self->accept_click_source, g_source_remove);
  g_clear_object (&self->clicked_suggestion);

  /* Ctrl and a drag add to the chosen span: remembered now, since the
   * press moves the cursor, which forgets the choice */
  g_clear_object (&self->fragment_span);
  if (n_press == 1 &&
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == GDK_CONTROL_MASK)
    g_set_object (&self->fragment_span, get_selected_span (self));

  /* A press on a span's edge is ours: the text view would start a
   * selection with it. Claimed, it reaches the drag gesture (grouped with
   * this one) and not the text view. */
  if (n_press == 1 &&
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 &&
      sm_annotation_view_begin_edge_drag (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  forget_selection_under_press (self, n_press, x, y, gesture);
}

static void
on_click_released (SmAnnotationView *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  SmSuggestion *suggestion;
  guint offset;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  /* The press took a span's edge and moved it, or Escape let it go: not
   * a click. (A press on an edge that did not move is one.) */
  if (self->drag_phase == EDGE_DRAG_MOVING || self->drag_phase == EDGE_DRAG_DONE)
    return;

  /* Ctrl and a drag with a span chosen: the text dragged over joins it */
  if (self->fragment_span != NULL)
    {
      g_autoptr(SmSpan) span = g_steal_pointer (&self->fragment_span);

      if (gtk_text_buffer_get_has_selection (get_buffer (self)))
        {
          add_selection_to_span (self, span);
          return;
        }
    }

  /* GtkTextView selected a word of its own; ours keeps "3.3%" whole */
  if (n_press == 2 && offset_at_point (self, x, y, &offset))
    sm_annotation_view_select_word_at (self, offset);

  /* A drag, a double click or a triple click made a selection: tag it */
  if (gtk_text_buffer_get_has_selection (get_buffer (self)))
    {
      sm_annotation_view_snap_selection (self);
      sm_annotation_view_show_tag_popover (self);
      return;
    }

  if (ABS (x - self->press_x) >= CLICK_SLOP || ABS (y - self->press_y) >= CLICK_SLOP ||
      !offset_at_point (self, x, y, &offset))
    return;

  /* A plain click on a suggestion accepts it, unless a span inside it
   * is under the pointer: that span is what the click is about. Once it
   * is clear that no second click follows: a double click selects a word
   * inside the suggestion, to tag that instead. */
  if (n_press == 1 && (suggestion = find_suggestion_at (self, offset)) != NULL &&
      sm_suggestion_get_end (suggestion) - sm_suggestion_get_start (suggestion) <= innermost_span_length (self, offset))
    {
      int double_click_ms = 400;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_ms, NULL);
      g_set_object (&self->clicked_suggestion, suggestion);
      g_clear_handle_id (&self->accept_click_source, g_source_remove);
      self->accept_click_source = g_timeout_add (double_click_ms, accept_clicked_suggestion, self);
      return;
    }

  /* A plain click on highlighted text: edit what is there */
  sm_annotation_view_show_spans_at (self, offset);
}

static gboolean
on_key_pressed (SmAnnotationView      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0 };
  SmLabel *label;

  /* Return on the current suggestion accepts it, and goes to the next */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & GDK_MODIFIER_MASK) == 0 &&
      get_suggestion_at_cursor (self) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.accept-suggestion", "b", TRUE);
      return TRUE;
    }

  /* Return on highlighted text edits it, as a click would */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & GDK_MODIFIER_MASK) == 0)
    {
      GtkTextBuffer *buffer = get_buffer (self);
      GtkTextIter cursor;
      g_autoptr(GPtrArray) spans = NULL;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      spans = sm_document_get_spans_at (self->document, gtk_text_iter_get_offset (&cursor));
      if (spans->len == 0)
        return FALSE;

      sm_annotation_view_show_spans_at (self, gtk_text_iter_get_offset (&cursor));
      return TRUE;
    }

  /* A label's key with a selection tags it, as its button would */
  if (c == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !gtk_text_buffer_get_has_selection (get_buffer (self)))
    return FALSE;

  g_unichar_to_utf8 (c, key);
  if ((label = sm_document_find_label_by_key (self->document, key)) == NULL)
    return FALSE;

  sm_annotation_view_snap_selection (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s", sm_label_get_id (label));

  return TRUE;
}

static gboolean
on_query_tooltip (SmAnnotationView *self,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GString) text = NULL;
  SmSuggestion *suggestion;
  guint offset;

  if (keyboard_mode || !offset_at_point (self, x, y, &offset))
    return FALSE;

  spans = sm_document_get_spans_at (self->document, offset);
  suggestion = find_suggestion_at (self, offset);
  text = g_string_new (NULL);

  /* Whose each side is, first: what the curator decides on */
  for (guint i = 0; self->marks != NULL && i < self->marks->len; i++)
    {
      SmViewMark *mark = &g_array_index (self->marks, SmViewMark, i);

      if (offset < mark->start || offset >= mark->end || mark->tooltip == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, mark->tooltip);
    }

  if (spans->len == 0 && suggestion == NULL && text->len == 0)
    return FALSE;

  if (text->len > 0 && spans->len > 0)
    g_string_append_c (text, '\n');
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      SmLabel *label = sm_document_find_label (self->document, sm_span_get_label (span));
      SmSpan *speaker = sm_document_get_speaker (self->document, span);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, label ? sm_label_get_name (label) : sm_span_get_label (span));
      if (speaker != NULL)
        {
          g_autofree char *name = sm_span_dup_shown_text (self->document, speaker);

          /* Translators: a claim's speaker, after the label name */
          g_string_append_printf (text, _(", said by %s"), name);
        }
    }

  if (suggestion != NULL)
    {
      SmLabel *label = sm_document_find_label (self->document, sm_suggestion_get_label (suggestion));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a tooltip over a suggestion; %s is a label's name */
      g_string_append_printf (text, _("Suggested %s: click to accept, or press F7, then Return or Backspace"),
                              label ? sm_label_get_name (label) : sm_suggestion_get_label (suggestion));
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
on_selection_changed (SmAnnotationView *self)
{
  /* Its labels would only be greyed out with nothing to tag */
  if (self->tag_popover != NULL && !gtk_text_buffer_get_has_selection (get_buffer (self)))
    gtk_popover_popdown (self->tag_popover);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
}

/**
 * sm_annotation_view_move_span_edge:
 * @forward: move the edge right (towards the text's end) or left
 * @by_word: a word at a time instead of a character
 *
 * Moves the edge of the chosen span that the cursor is at (its end,
 * after the span list or its popover chose it; the one dragged, after a
 * drag), as one undoable change that keeps the span's id, links and note.
 *
 * Returns: whether a span was chosen to move an edge of
 */
gboolean
sm_annotation_view_move_span_edge (SmAnnotationView *self,
                                   gboolean          forward,
                                   gboolean          by_word)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean selected;
  guint moving, fixed, moved;
  SmSpan *span;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  if ((span = get_chosen_span (self, &moving, &fixed)) == NULL)
    return FALSE;

  buffer = get_buffer (self);
  selected = gtk_text_buffer_get_has_selection (buffer);
  sm_annotation_view_fill_to (self, moving + 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, moving);

  if (forward && by_word)
    gtk_text_iter_forward_word_end (&iter);
  else if (forward)
    gtk_text_iter_forward_char (&iter);
  else if (by_word)
    gtk_text_iter_backward_word_start (&iter);
  else
    gtk_text_iter_backward_char (&iter);
  moved = gtk_text_iter_get_offset (&iter);

  /* The document keeps the rules: never empty, never a duplicate */
  if (!sm_document_set_span_range (self->document, span, MIN (moved, fixed), MAX (moved, fixed), &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  /* Shown as it was chosen: its text selected, or its highlight */
  choose_span (self, span, moved, selected ? fixed : moved);
  return TRUE;
}

static gboolean
on_capture_key_pressed (SmAnnotationView      *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  gboolean forward;
  SmSpan *span;

  /* Escape lets go of a dragged edge, where it was */
  if (keyval == GDK_KEY_Escape && self->drag_span != NULL)
    {
      sm_annotation_view_cancel_edge_drag (self);
      return TRUE;
    }

  /* Delete removes the chosen span, as in the span list: picking a span
   * there brings the keyboard here */
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 &&
      (span = get_chosen_span (self, NULL, NULL)) != NULL)
    {
      sm_document_remove_span (self->document, span);
      return TRUE;
    }

  /* Backspace on the current suggestion rejects it, and goes to the next */
  if (keyval == GDK_KEY_BackSpace &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 &&
      get_suggestion_at_cursor (self) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reject-suggestion", NULL);
      return TRUE;
    }

  /* Shift and the arrows move a selected span's edge rather than the
   * text view's selection; without a selected span they select text */
  if ((state & GDK_SHIFT_MASK) == 0 || (state & (GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    forward = TRUE;
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    forward = FALSE;
  else
    return FALSE;

  return sm_annotation_view_move_span_edge (self, forward, (state & GDK_CONTROL_MASK) != 0);
}

/**
 * sm_annotation_view_reveal_span:
 *
 * Scrolls to @span and selects its text.
 */
void
sm_annotation_view_reveal_span (SmAnnotationView *self,
                                SmSpan           *span)
{
  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (SM_IS_SPAN (span));

  /* The cursor at the end: Shift and an arrow move that edge */
  choose_whole_span (self, span);
  sm_annotation_view_scroll_to_offset (self, sm_span_get_end (span), 0.1, TRUE, 0.3);
}

/**
 * sm_annotation_view_get_current_suggestion:
 *
 * Returns: (transfer none) (nullable): the suggestion stepped to last, if
 *   it is still pending
 */
SmSuggestion *
sm_annotation_view_get_current_suggestion (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), NULL);

  return self->show_suggestions ? get_current_suggestion (self) : NULL;
}

/**
 * sm_annotation_view_set_current_suggestion:
 * @suggestion: (nullable): one of the document's pending suggestions
 *
 * Makes @suggestion the current one, drawn stronger, with the cursor at
 * its start and scrolled into view: Return accepts it, Backspace rejects it.
 */
void
sm_annotation_view_set_current_suggestion (SmAnnotationView *self,
                                           SmSuggestion     *suggestion)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (suggestion == NULL || SM_IS_SUGGESTION (suggestion));

  replace_current_suggestion (self, suggestion);
  if (suggestion == NULL)
    return;

  buffer = get_buffer (self);
  sm_annotation_view_fill_to (self, sm_suggestion_get_end (suggestion));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, sm_suggestion_get_start (suggestion));
  gtk_text_buffer_place_cursor (buffer, &iter);
  sm_annotation_view_scroll_to_offset (self, sm_suggestion_get_start (suggestion), 0.1, FALSE, 0.3);
}

/* The position of the first pending suggestion that comes after @offset
 * (in document order: by start, longer first), by bisection */
static guint
find_suggestion_after (GListModel *suggestions,
                       guint       offset)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (suggestions);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (suggestions, middle);

      if (sm_suggestion_get_start (suggestion) < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * sm_annotation_view_get_suggestion_position:
 * @position: (out): where the current suggestion is among the pending ones
 *
 * Returns: whether there is a current suggestion
 */
gboolean
sm_annotation_view_get_suggestion_position (SmAnnotationView *self,
                                            guint            *position)
{
  GListModel *suggestions;
  SmSuggestion *current;
  guint n;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  if ((current = sm_annotation_view_get_current_suggestion (self)) == NULL)
    return FALSE;

  suggestions = sm_document_get_suggestions (self->document);
  n = g_list_model_get_n_items (suggestions);
  for (guint i = find_suggestion_after (suggestions, sm_suggestion_get_start (current)); i < n; i++)
    {
      g_autoptr(SmSuggestion) suggestion = g_list_model_get_item (suggestions, i);

      if (suggestion == current)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sm_annotation_view_step_suggestion:
 * @forward: to the next suggestion, or the previous
 *
 * Makes the next (or previous) pending suggestion current: after the
 * current one, or after the cursor if it has left the current one. The
 * last is followed by the first again.
 *
 * Returns: whether there was a suggestion to step to
 */
gboolean
sm_annotation_view_step_suggestion (SmAnnotationView *self,
                                    gboolean          forward)
{
  GListModel *suggestions;
  g_autoptr(SmSuggestion) next = NULL;
  guint position;
  guint n;

  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  suggestions = sm_document_get_suggestions (self->document);
  n = g_list_model_get_n_items (suggestions);
  if (!self->show_suggestions || n == 0)
    return FALSE;

  if (get_suggestion_at_cursor (self) != NULL &&
      sm_annotation_view_get_suggestion_position (self, &position))
    {
      position = forward ? (position + 1) % n : (position + n - 1) % n;
    }
  else
    {
      GtkTextBuffer *buffer = get_buffer (self);
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      position = find_suggestion_after (suggestions, gtk_text_iter_get_offset (&cursor));
      if (!forward)
        position = (position + n - 1) % n;
      else if (position == n)
        position = 0;
    }

  next = g_list_model_get_item (suggestions, position);
  sm_annotation_view_set_current_suggestion (self, next);

  return TRUE;
}

/**
 * sm_annotation_view_step_after_answer:
 * @answered: a suggestion just accepted or rejected
 *
 * Makes the pending suggestion that followed @answered current, if any,
 * so that reviewing goes on from there.
 */
void
sm_annotation_view_step_after_answer (SmAnnotationView *self,
                                      SmSuggestion     *answered)
{
  GListModel *suggestions;
  g_autoptr(SmSuggestion) next = NULL;
  guint position;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (SM_IS_SUGGESTION (answered));

  suggestions = sm_document_get_suggestions (self->document);
  position = find_suggestion_after (suggestions, sm_suggestion_get_start (answered));
  if (position < g_list_model_get_n_items (suggestions))
    next = g_list_model_get_item (suggestions, position);
  else if (g_list_model_get_n_items (suggestions) > 0)
    next = g_list_model_get_item (suggestions, 0);

  sm_annotation_view_set_current_suggestion (self, next);
}

gboolean
sm_annotation_view_get_show_suggestions (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  return self->show_suggestions;
}

/**
 * sm_annotation_view_set_show_suggestions:
 *
 * Draws the document's pending suggestions, or hides them: hidden, they
 * stay in the document, and a click or a key does nothing with them.
 */
void
sm_annotation_view_set_show_suggestions (SmAnnotationView *self,
                                         gboolean          show_suggestions)
{
  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  show_suggestions = !!show_suggestions;
  if (self->show_suggestions == show_suggestions)
    return;

  self->show_suggestions = show_suggestions;
  redraw_range (self, 0, sm_document_get_length (self->document));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SUGGESTIONS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_SUGGESTION]);
}

/**
 * sm_annotation_view_set_font:
 * @font: (nullable): a Pango font description such as "Serif 14", or
 *   %NULL or "" for the default reading font
 */
void
sm_annotation_view_set_font (SmAnnotationView *self,
                             const char       *font)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  buffer = get_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  self->font_set = font != NULL && font[0] != '\0';
  if (!self->font_set)
    {
      gtk_text_buffer_remove_tag (buffer, self->font_tag, &start, &end);
      return;
    }

  g_object_set (self->font_tag, "font", font, NULL);
  gtk_text_buffer_apply_tag (buffer, self->font_tag, &start, &end);
}

GtkTextTag *
sm_annotation_view_get_label_tag (SmAnnotationView *self,
                                  const char       *label)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), NULL);

  return g_hash_table_lookup (self->label_tags, label);
}

/**
 * sm_annotation_view_get_strong_tag:
 * @label: a label's id
 *
 * Returns: (transfer none) (nullable): the tag drawn over the label's own
 *   on every part of a discontinuous span while the pointer is over one
 *   of them or while it is chosen
 */
GtkTextTag *
sm_annotation_view_get_strong_tag (SmAnnotationView *self,
                                   const char       *label)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), NULL);

  return g_hash_table_lookup (self->strong_tags, label);
}

static void
setup_popovers (SmAnnotationView *self)
{
  GtkEventController *controller;
  GtkWidget *scroller;
  GtkGesture *press;

  self->tag_popover = GTK_POPOVER (gtk_popover_new ());
  self->tag_popover_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_popover), "menu");
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_popover), "tag-popover");
  gtk_popover_set_child (self->tag_popover, GTK_WIDGET (self->tag_popover_box));
  gtk_popover_set_position (self->tag_popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->tag_popover), GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_tag_popover_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_popover), controller);

  self->span_popover = GTK_POPOVER (gtk_popover_new ());
  self->span_popover_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_add_css_class (GTK_WIDGET (self->span_popover), "span-popover");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->span_popover_box));
  gtk_popover_set_child (self->span_popover, scroller);
  gtk_popover_set_position (self->span_popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->span_popover), GTK_WIDGET (self));

  press = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_press_beside_popover), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->span_popover), GTK_EVENT_CONTROLLER (press));
}

static void
sm_annotation_view_constructed (GObject *object)
{
  SmAnnotationView *self = (SmAnnotationView *)object;
  g_autoptr(GtkSourceBuffer) buffer = NULL;
  GListModel *labels;

  G_OBJECT_CLASS (sm_annotation_view_parent_class)->constructed (object);

  g_assert (SM_IS_DOCUMENT (self->document));

  buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  /* Annotation never edits the article, so no undo for the text itself */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), GTK_TEXT_BUFFER (buffer));

  /* Created first, so every label's tag takes priority over the font */
  self->font_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), NULL, NULL);
  /* Under the labels' fills: the stretch shows around them */
  self->focus_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), NULL, NULL);

  /* The text before its highlights: they are drawn on what it has */
  fill_piece (self, FILL_AT_ONCE_BYTES);
  if (!is_filled (self))
    self->fill_source = g_idle_add_full (FILL_PRIORITY, fill_some, self, NULL);

  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set",
                           G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);

  labels = sm_document_get_labels (self->document);
  g_signal_connect_object (labels, "items-changed",
                           G_CALLBACK (on_labels_changed), self, G_CONNECT_SWAPPED);
  on_labels_changed (self, 0, 0, g_list_model_get_n_items (labels), labels);
  restyle_label_tags (self);

  g_signal_connect_object (self->document, "range-changed",
                           G_CALLBACK (on_range_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "ranges-changed",
                           G_CALLBACK (on_ranges_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (restyle_label_tags), self, G_CONNECT_SWAPPED);

  /* The cursor stays: keyboard users select with Shift and the arrows */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &start);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  }
}

/* What the user does anywhere in the window ends a place's hold (see
 * on_scroll_changed()) */
static void
sm_annotation_view_root (GtkWidget *widget)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (widget);

  GTK_WIDGET_CLASS (sm_annotation_view_parent_class)->root (widget);

  self->scroll_watch = g_object_ref (gtk_event_controller_legacy_new ());
  gtk_event_controller_set_propagation_phase (self->scroll_watch, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->scroll_watch, "event",
                           G_CALLBACK (on_scroll_watch_event), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->scroll_watch);
}

static void
sm_annotation_view_unroot (GtkWidget *widget)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (widget);

  if (self->scroll_watch != NULL)
    {
      gtk_widget_remove_controller (gtk_event_controller_get_widget (self->scroll_watch), self->scroll_watch);
      g_clear_object (&self->scroll_watch);
    }

  GTK_WIDGET_CLASS (sm_annotation_view_parent_class)->unroot (widget);
}

/* The popovers are our children, so ours to place: GtkTextView places
 * only its own. A popover whose content grew (a relabel shows "Said by")
 * queues a new size up to us; without presenting it again here it keeps
 * its old size and we are left drawn without an allocation. */
static void
sm_annotation_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (widget);

  /* A scroll GTK makes as it lays out (one asked for before) must not
   * change the text's tags meanwhile: it asserts that the lines in view
   * stay laid out. What comes into view is drawn after. */
  self->allocating = TRUE;
  GTK_WIDGET_CLASS (sm_annotation_view_parent_class)->size_allocate (widget, width, height, baseline);
  self->allocating = FALSE;

  on_view_moved (self);

  if (gtk_widget_get_visible (GTK_WIDGET (self->tag_popover)))
    gtk_popover_present (self->tag_popover);
  if (gtk_widget_get_visible (GTK_WIDGET (self->span_popover)))
    gtk_popover_present (self->span_popover);
}

/* Ctrl+End goes to the article's end, not to where its text has got to.
 * Ctrl+Home and Ctrl+End then bring the cursor into sight as a jump does:
 * GTK scrolls by the heights of the lines it has laid out, and on a long
 * article whose lines were not all laid out (or laid out anew, after a
 * batch of highlights changed) it stopped pages short: in three runs of
 * four of /window/long-article-highlights-in-slices */
static void
sm_annotation_view_move_cursor (GtkTextView     *text_view,
                                GtkMovementStep  step,
                                int              count,
                                gboolean         extend_selection)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (text_view);

  if (step == GTK_MOVEMENT_BUFFER_ENDS && count > 0)
    sm_annotation_view_fill_to (self, sm_document_get_length (self->document));

  GTK_TEXT_VIEW_CLASS (sm_annotation_view_parent_class)->move_cursor (text_view, step, count, extend_selection);

  if (step == GTK_MOVEMENT_BUFFER_ENDS)
    {
      GtkTextBuffer *buffer = get_buffer (self);
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      sm_annotation_view_scroll_to_offset (self, (guint) gtk_text_iter_get_offset (&cursor), 0.0, FALSE, 0.0);
      /* With the margin GTK's scroll to the cursor leaves out */
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment,
                                  gtk_adjustment_get_value (self->vadjustment) + get_scroll_distance (self, &cursor));
    }
}

/* A view going away with a long article leaves its buffer and document
 * here. Dropping a buffer that still carries the highlights blocks for a
 * second or more on a 20 MB article: GTK takes each of its tags off the
 * whole text (the tag table's foreach as the buffer goes), and the
 * document frees hundreds of thousands of spans and suggestions. So the
 * highlights come off in idle slices, taking turns with the next
 * document's (draw_some()), then the buffer goes, and the document's
 * last reference is dropped in a worker thread: it is src/core, GLib
 * only, and whatever still holds it holds a reference of its own. */
typedef struct
{
  GtkTextBuffer *buffer;
  SmDocument    *document;
  guint          cleared;   /* the characters from the start with no tags left */
} Release;

static gpointer
release_document_in_thread (gpointer data)
{
  sm_thread_lower_priority ();
  g_object_unref (data);
  sm_thread_give_back_memory_when_idle ();
  return NULL;
}

static void
release_document (SmDocument *document)
{
  GThread *thread = g_thread_try_new ("sm-release", release_document_in_thread, document, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    g_object_unref (document);
}

static gboolean
release_some (gpointer user_data)
{
  Release *release = user_data;
  gint64 deadline = g_get_monotonic_time () + DRAW_SLICE_USEC;
  guint length = (guint) gtk_text_buffer_get_char_count (release->buffer);

  while (release->cleared < length && g_get_monotonic_time () < deadline)
    {
      GtkTextIter start, end;
      guint to = MIN (length, release->cleared + RELEASE_STEP_CHARS);

      gtk_text_buffer_get_iter_at_offset (release->buffer, &start, (int) release->cleared);
      gtk_text_buffer_get_iter_at_offset (release->buffer, &end, (int) to);
      gtk_text_buffer_remove_all_tags (release->buffer, &start, &end);
      release->cleared = to;
    }

  if (release->cleared < length)
    return G_SOURCE_CONTINUE;

  g_object_unref (release->buffer);
  release_document (release->document);
  g_free (release);

  return G_SOURCE_REMOVE;
}

static void
release_in_idle (GtkTextBuffer *buffer,
                 SmDocument    *document)
{
  Release *release = g_new0 (Release, 1);

  release->buffer = g_object_ref (buffer);
  release->document = g_object_ref (document);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_some, release, NULL);
}

static void
sm_annotation_view_dispose (GObject *object)
{
  SmAnnotationView *self = (SmAnnotationView *)object;

  /* The first time only: the text view lets go of its buffer below (and
   * would make an empty one if asked for it afterwards) */
  if (!self->released)
    {
      release_in_idle (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), self->document);
      self->released = TRUE;
    }

  g_clear_handle_id (&self->accept_click_source, g_source_remove);
  g_clear_handle_id (&self->draw_source, g_source_remove);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_object (&self->clicked_suggestion);
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, on_view_moved, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, on_scroll_changed, self);
    }
  g_clear_object (&self->vadjustment);

  if (self->tag_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->tag_popover));
      self->tag_popover = NULL;
    }
  if (self->span_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->span_popover));
      self->span_popover = NULL;
    }

  G_OBJECT_CLASS (sm_annotation_view_parent_class)->dispose (object);
}

static void
sm_annotation_view_finalize (GObject *object)
{
  SmAnnotationView *self = (SmAnnotationView *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->selected_span);
  g_clear_object (&self->drag_span);
  g_clear_object (&self->hover_span);
  g_clear_object (&self->fragment_span);
  g_clear_pointer (&self->label_tags, g_hash_table_unref);
  g_clear_pointer (&self->strong_tags, g_hash_table_unref);
  g_clear_pointer (&self->suggestion_tags, g_hash_table_unref);
  g_clear_pointer (&self->current_tags, g_hash_table_unref);
  g_clear_object (&self->current_suggestion);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->undrawn, sm_stretches_free);
  g_clear_pointer (&self->drawn, sm_stretches_free);

  G_OBJECT_CLASS (sm_annotation_view_parent_class)->finalize (object);
}

static void
sm_annotation_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, sm_annotation_view_get_selection (self, NULL, NULL));
      break;

    case PROP_SHOW_SUGGESTIONS:
      g_value_set_boolean (value, self->show_suggestions);
      break;

    case PROP_FILLED:
      g_value_set_boolean (value, sm_annotation_view_get_filled (self));
      break;

    case PROP_CURRENT_SUGGESTION:
      g_value_set_object (value, sm_annotation_view_get_current_suggestion (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_annotation_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SmAnnotationView *self = SM_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_SNAP_TO_WORDS:
      sm_annotation_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_SUGGESTIONS:
      sm_annotation_view_set_show_suggestions (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_annotation_view_class_init (SmAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->constructed = sm_annotation_view_constructed;
  object_class->dispose = sm_annotation_view_dispose;
  object_class->finalize = sm_annotation_view_finalize;
  object_class->get_property = sm_annotation_view_get_property;
  object_class->set_property = sm_annotation_view_set_property;

  widget_class->size_allocate = sm_annotation_view_size_allocate;
  widget_class->root = sm_annotation_view_root;
  widget_class->unroot = sm_annotation_view_unroot;

  text_view_class->move_cursor = sm_annotation_view_move_cursor;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SUGGESTIONS] =
    g_param_spec_boolean ("show-suggestions", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENT_SUGGESTION] =
    g_param_spec_object ("current-suggestion", NULL, NULL,
                         SM_TYPE_SUGGESTION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILLED] =
    g_param_spec_boolean ("filled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_annotation_view_init (SmAnnotationView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkGesture *drag;

  self->label_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->strong_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->suggestion_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->current_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undrawn = sm_stretches_new ();
  self->drawn = sm_stretches_new ();
  self->snap_to_words = TRUE;
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (on_vadjustment_changed), NULL);

  /* A page to read, not code to edit */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), TRUE);
  /* Tab moves on to the next control: nothing is typed here */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 10);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), 4);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 48);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 48);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 32);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 48);
  gtk_widget_add_css_class (GTK_WIDGET (self), "annotation-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Select text, then press a label’s key to tag it; press Return on tagged text to edit it. F7 goes to the next suggestion: Return accepts it, Backspace rejects it"),
                                  -1);

  setup_popovers (self);

  /* Watch clicks in the capture phase, before the text view claims them
   * for selecting, without claiming them ourselves, except a press on a
   * span's edge: the drag gesture moves that edge */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_click_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (on_click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  /* The click's claim of a press on an edge is the drag's too, and the
   * click still hears the release of a press that never moved */
  gtk_gesture_group (gesture, drag);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_pointer_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_pointer_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Before the text view's own Shift+arrow bindings */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_capture_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

SmAnnotationView *
sm_annotation_view_new (SmDocument *document)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  return g_object_new (SM_TYPE_ANNOTATION_VIEW, "document", document, NULL);
}

SmDocument *
sm_annotation_view_get_document (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), NULL);

  return self->document;
}

gboolean
sm_annotation_view_get_snap_to_words (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), FALSE);

  return self->snap_to_words;
}

void
sm_annotation_view_set_snap_to_words (SmAnnotationView *self,
                                      gboolean          snap_to_words)
{
  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (self->snap_to_words == snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAP_TO_WORDS]);
}

static void
view_mark_clear (SmViewMark *mark)
{
  g_clear_pointer (&mark->label, g_free);
  g_clear_pointer (&mark->tooltip, g_free);
}

/**
 * sm_annotation_view_new_marks:
 *
 * Returns: (transfer full): an empty array of #SmViewMark that frees what
 *   its marks hold, for sm_annotation_view_set_marks()
 */
GArray *
sm_annotation_view_new_marks (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (SmViewMark));

  g_array_set_clear_func (marks, (GDestroyNotify) view_mark_clear);

  return marks;
}

/**
 * sm_annotation_view_set_marks:
 * @focus_start: where the stretch they are about begins
 * @focus_end: where it ends (equal to @focus_start: no stretch)
 * @marks: (nullable) (transfer full): from sm_annotation_view_new_marks()
 *
 * Draws @marks over the spans, replacing those drawn before: what a
 * curator decides between, which is not in the document (or not only).
 */
void
sm_annotation_view_set_marks (SmAnnotationView *self,
                              guint             focus_start,
                              guint             focus_end,
                              GArray           *marks)
{
  guint length;
  guint old_start = G_MAXUINT, old_end = 0;
  guint new_start = focus_start, new_end = focus_end;

  g_return_if_fail (SM_IS_ANNOTATION_VIEW (self));

  length = sm_document_get_length (self->document);

  /* Only the stretches marked before and now are drawn anew */
  if (self->focus_end > self->focus_start)
    {
      old_start = self->focus_start;
      old_end = self->focus_end;
    }
  for (guint i = 0; self->marks != NULL && i < self->marks->len; i++)
    {
      SmViewMark *mark = &g_array_index (self->marks, SmViewMark, i);

      old_start = MIN (old_start, mark->start);
      old_end = MAX (old_end, mark->end);
    }
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      SmViewMark *mark = &g_array_index (marks, SmViewMark, i);

      new_start = MIN (new_start, mark->start);
      new_end = MAX (new_end, mark->end);
    }

  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = marks;
  self->focus_start = MIN (focus_start, length);
  self->focus_end = MIN (MAX (focus_end, focus_start), length);

  if (old_end > old_start)
    redraw_range (self, MIN (old_start, length), MIN (old_end, length));
  if (new_end > new_start)
    redraw_range (self, MIN (new_start, length), MIN (new_end, length));
}

/**
 * sm_annotation_view_get_n_marks:
 *
 * Returns: how many marks are drawn
 */
guint
sm_annotation_view_get_n_marks (SmAnnotationView *self)
{
  g_return_val_if_fail (SM_IS_ANNOTATION_VIEW (self), 0);

  return self->marks != NULL ? self->marks->len : 0;
}
