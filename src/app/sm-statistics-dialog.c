/* sm-statistics-dialog.c: counts of a corpus's or a document's annotations.
 *
 * The same figures as `spanmark-cli stats`: documents per status, spans
 * per label, spans per document, with small charts. A corpus's figures
 * are a snapshot of what has been read; documents still being read in the
 * background are counted as such. A corpus also has an Agreement page,
 * the figures of `spanmark-cli agree` (sm-agreement-page.c).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-statistics-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-agreement-page.h"
#include "sm-bar-chart.h"
#include "sm-statistics-dialog.h"

struct _SmStatisticsDialog
{
  AdwPreferencesWindow  parent_instance;
  AdwPreferencesPage   *page;
  SmAgreementPage      *agreement_page;
};

G_DEFINE_FINAL_TYPE (SmStatisticsDialog, sm_statistics_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  OPEN_DOCUMENT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
sm_statistics_dialog_class_init (SmStatisticsDialogClass *klass)
{
  /**
   * SmStatisticsDialog::open-document:
   * @file: a Spanmark file of the corpus
   *
   * The user asked to open @file; the dialog closes.
   */
  signals [OPEN_DOCUMENT] =
    g_signal_new ("open-document",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
sm_statistics_dialog_init (SmStatisticsDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Statistics"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Counts"));
  adw_preferences_page_set_icon_name (self->page, "view-list-bullet-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->page);
}

static void
on_document_activated (SmStatisticsDialog *self,
                       GFile              *file)
{
  g_object_ref (self);
  g_signal_emit (self, signals [OPEN_DOCUMENT], 0, file);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static SmBarChart *
add_group (SmStatisticsDialog *self,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *chart = sm_bar_chart_new ();

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (chart, "card");
  gtk_widget_set_margin_top (chart, 6);
  adw_preferences_group_add (group, chart);
  adw_preferences_page_add (self->page, group);

  return SM_BAR_CHART (chart);
}

/* A label's name and colour, from the schema or the document, else its id */
static void
label_look (GListModel  *labels,
            const char  *id,
            const char **name,
            const char **color)
{
  *name = id;
  *color = NULL;

  for (guint i = 0; labels && i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (sm_label_get_id (label), id) == 0)
        {
          *name = sm_label_get_name (label);
          *color = sm_label_get_color (label);
          return;
        }
    }
}

SmStatisticsDialog *
sm_statistics_dialog_new_for_corpus (GtkWindow      *parent,
                                     SmCorpusFolder *corpus)
{
  SmStatisticsDialog *self;
  g_autoptr(SmCorpusFolderStats) stats = NULL;
  GListModel *labels;
  const char * const *ids;
  const guint *per_document;
  guint n_documents, n_spans, n_pending;
  g_autofree char *description = NULL;
  SmBarChart *chart;
  static const struct { guint low; guint high; } buckets[] = {
    { 0, 0 }, { 1, 5 }, { 6, 10 }, { 11, 20 }, { 21, 50 }, { 51, 100 }, { 101, G_MAXUINT },
  };

  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (corpus), NULL);

  self = g_object_new (SM_TYPE_STATISTICS_DIALOG, "transient-for", parent, NULL);
  stats = sm_corpus_folder_get_stats (corpus);
  labels = sm_project_get_labels (sm_corpus_folder_get_project (corpus));
  n_documents = sm_corpus_folder_stats_get_n_documents (stats);
  n_spans = sm_corpus_folder_stats_get_n_spans (stats);
  n_pending = sm_corpus_folder_stats_get_n_pending (stats);

  /* Translators: %u documents, and how many are still being read */
  description = n_pending
    ? g_strdup_printf (ngettext ("%u document; %u still being read", "%u documents; %u still being read", n_documents),
                       n_documents, n_pending)
    : g_strdup_printf (ngettext ("%u document", "%u documents", n_documents), n_documents);
  chart = add_group (self, _("Documents by Status"), description);
  sm_bar_chart_add_bar (chart, _("New"), sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_NEW), "#9a9996");
  sm_bar_chart_add_bar (chart, _("In Progress"), sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_IN_PROGRESS), "#3584e4");
  sm_bar_chart_add_bar (chart, _("Done"), sm_corpus_folder_stats_get_n_with_status (stats, SM_DOCUMENT_STATUS_DONE), "#33d17a");
  if (sm_corpus_folder_stats_get_n_unreadable (stats) > 0)
    sm_bar_chart_add_bar (chart, _("Cannot Be Read"), sm_corpus_folder_stats_get_n_unreadable (stats), "#e01b24");

  g_free (description);
  description = g_strdup_printf (ngettext ("%u span in all", "%u spans in all", n_spans), n_spans);
  chart = add_group (self, _("Spans by Label"), description);
  ids = sm_corpus_folder_stats_get_labels (stats);
  for (guint i = 0; ids && ids[i]; i++)
    {
      const char *name, *color;
      guint n_docs = sm_corpus_folder_stats_get_n_documents_with_label (stats, ids[i]);
      /* Translators: a label's name and in how many documents it is */
      g_autofree char *bar = NULL;

      label_look (labels, ids[i], &name, &color);
      bar = g_strdup_printf (ngettext ("%s (%u doc.)", "%s (%u docs.)", n_docs), name, n_docs);
      sm_bar_chart_add_bar (chart, bar, sm_corpus_folder_stats_get_n_spans_with_label (stats, ids[i]), color);
    }

  per_document = sm_corpus_folder_stats_get_spans_per_document (stats, &n_documents);
  g_free (description);
  /* Translators: the median, the 90th percentile and the largest count */
  description = g_strdup_printf (_("Median %u · 90th percentile %u · most %u"),
                                 sm_corpus_folder_stats_get_spans_percentile (stats, 50),
                                 sm_corpus_folder_stats_get_spans_percentile (stats, 90),
                                 sm_corpus_folder_stats_get_spans_percentile (stats, 100));
  chart = add_group (self, _("Spans per Document"), description);
  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    {
      g_autofree char *name = NULL;
      guint count = 0;

      for (guint i = 0; i < n_documents; i++)
        count += per_document[i] >= buckets[b].low && per_document[i] <= buckets[b].high;

      if (buckets[b].high == G_MAXUINT)
        name = g_strdup_printf (_("%u or more"), buckets[b].low);
      else if (buckets[b].low == buckets[b].high)
        name = g_strdup_printf ("%u", buckets[b].low);
      else
        name = g_strdup_printf ("%u–%u", buckets[b].low, buckets[b].high);

      sm_bar_chart_add_bar (chart, name, count, NULL);
    }

  self->agreement_page = SM_AGREEMENT_PAGE (sm_agreement_page_new (corpus));
  g_signal_connect_object (self->agreement_page, "document-activated",
                           G_CALLBACK (on_document_activated), self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->agreement_page));

  return self;
}

/**
 * sm_statistics_dialog_get_agreement_page:
 *
 * Returns: (transfer none) (nullable): the Agreement page, which only a
 *   corpus's statistics have
 */
SmAgreementPage *
sm_statistics_dialog_get_agreement_page (SmStatisticsDialog *self)
{
  g_return_val_if_fail (SM_IS_STATISTICS_DIALOG (self), NULL);

  return self->agreement_page;
}

SmStatisticsDialog *
sm_statistics_dialog_new_for_document (GtkWindow  *parent,
                                       SmDocument *document)
{
  SmStatisticsDialog *self;
  GListModel *labels;
  g_autofree char *description = NULL;
  guint n_spans, n_relations;
  SmBarChart *chart;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  self = g_object_new (SM_TYPE_STATISTICS_DIALOG, "transient-for", parent, NULL);
  labels = sm_document_get_labels (document);
  n_spans = sm_document_get_n_spans (document);
  n_relations = g_list_model_get_n_items (sm_document_get_relations (document));

  /* Translators: spans and relations of one document */
  description = g_strdup_printf (_("%u spans and %u relations in “%s”"),
                                 n_spans, n_relations, sm_document_get_name (document));
  chart = add_group (self, _("Spans by Label"), description);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      sm_bar_chart_add_bar (chart, sm_label_get_name (label),
                            sm_document_count_spans_with_label (document, sm_label_get_id (label)),
                            sm_label_get_color (label));
    }

  return self;
}
