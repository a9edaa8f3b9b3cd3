/* sm-agreement-page.c: how far a corpus's annotators agree, as a page of Statistics.
 *
 * The figures of `spanmark-cli agree` over the corpus folder, one
 * subfolder per annotator (sm-agreement-read.h decides whose version each
 * file is): per label, per relation type, and the documents that disagree
 * most, each of which opens. Reading every version takes a while on a
 * large corpus, so it runs in a GTask worker while the page says so.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-agreement-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sm-agreement-page.h"
#include "sm-agreement-read.h"
#include "sm-label-swatch.h"
#include "sm-thread.h"

struct _SmAgreementPage
{
  AdwPreferencesPage  parent_instance;

  SmCorpusFolder     *corpus;
  SmAgreement        *agreement;
  GCancellable       *cancellable;
  GPtrArray          *groups;     /* the groups shown, to replace them */
};

G_DEFINE_FINAL_TYPE (SmAgreementPage, sm_agreement_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_COMPUTING,
  N_PROPS
};

enum {
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The figures' columns: what a cell's tooltip says it is, and why it may
 * be undefined (docs/agreement.md) */
static const struct {
  const char *name;
  const char *meaning;
  const char *undefined;
} columns[] = {
  { N_("F1 exact"), N_("F1 of spans with the same offsets"),
    N_("Undefined: no annotator has a span of this label") },
  { N_("F1 overlap"), N_("F1 of spans that overlap by half or more"),
    N_("Undefined: no annotator has a span of this label") },
  { N_("κ"), N_("Cohen’s κ over tokens"),
    N_("Undefined: both annotators gave every token the same value, so chance agreement is complete") },
  { N_("α"), N_("Krippendorff’s α over tokens, all annotators at once"),
    N_("Undefined: every token is in the label for everyone, or for no one: no disagreement is expected") },
  { N_("α_u"), N_("Krippendorff’s unitizing α over characters"),
    N_("Undefined: no annotator has a span of this label") },
};

static void
remove_groups (SmAgreementPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static AdwPreferencesGroup *
add_group (SmAgreementPage *self,
           const char      *title,
           const char      *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  g_ptr_array_add (self->groups, group);

  return group;
}

static GtkWidget *
figure_cell (double      value,
             guint       column)
{
  GtkWidget *cell;

  if (isnan (value))
    {
      /* Translators: a figure that is undefined */
      cell = gtk_label_new (_("—"));
      gtk_widget_set_tooltip_text (cell, _(columns[column].undefined));
      gtk_widget_add_css_class (cell, "dim-label");
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%.3f", value);
      g_autofree char *tooltip = g_strdup_printf ("%s: %s", _(columns[column].meaning), text);

      cell = gtk_label_new (text);
      gtk_widget_set_tooltip_text (cell, tooltip);
    }

  gtk_label_set_width_chars (GTK_LABEL (cell), 6);
  gtk_label_set_xalign (GTK_LABEL (cell), 1);
  gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_add_css_class (cell, "agreement-figure");

  return cell;
}

static GtkWidget *
figures_box (const SmAgreementFigures *figures)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  double values[] = { figures->f1_exact, figures->f1_overlap, figures->kappa, figures->alpha, figures->alpha_u };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_box_append (GTK_BOX (box), figure_cell (values[i], i));

  return box;
}

/* The heads of the figures' columns, as the first row of the labels' list */
static GtkWidget *
header_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkWidget *head = gtk_label_new (_(columns[i].name));

      gtk_label_set_width_chars (GTK_LABEL (head), 6);
      gtk_label_set_xalign (GTK_LABEL (head), 1);
      gtk_widget_set_tooltip_text (head, _(columns[i].meaning));
      gtk_widget_add_css_class (head, "caption-heading");
      gtk_widget_add_css_class (head, "dim-label");
      gtk_box_append (GTK_BOX (box), head);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Label"));
  gtk_widget_add_css_class (row, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

/* A label's row: its name and colour from the corpus's schema, else its id */
static GtkWidget *
label_row (SmAgreementPage *self,
           const char      *id)
{
  SmLabel *label = sm_project_find_label (sm_corpus_folder_get_project (self->corpus), id);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label != NULL ? sm_label_get_name (label) : id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (label != NULL)
    {
      GtkWidget *swatch = sm_label_swatch_new (label);

      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
    }
  gtk_widget_add_css_class (row, "agreement-label");
  g_object_set_data_full (G_OBJECT (row), "sm-label", g_strdup (id), g_free);

  return row;
}

static void
on_document_activated (SmAgreementPage *self,
                       AdwActionRow    *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "sm-file");

  if (file != NULL)
    g_signal_emit (self, signals [DOCUMENT_ACTIVATED], 0, file);
}

static void
show_none_shared (SmAgreementPage *self)
{
  AdwPreferencesGroup *group = add_group (self, NULL, NULL);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Document Has Two Annotators"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Agreement compares annotators’ versions of the same documents. "
                                     "Give each annotator a folder of their own in the corpus folder, "
                                     "with their copy of the documents: ana/article.json, ben/article.json. "
                                     "A file that names its annotator counts as theirs wherever it is."));
  gtk_widget_set_vexpand (status, TRUE);
  adw_preferences_group_add (group, status);
}

static void
show_agreement (SmAgreementPage *self)
{
  SmAgreement *agreement = self->agreement;
  g_auto(GStrv) annotators = sm_agreement_dup_annotators (agreement);
  g_auto(GStrv) labels = sm_agreement_dup_labels (agreement);
  g_auto(GStrv) types = sm_agreement_dup_relation_types (agreement);
  g_autofree char *names = g_strjoinv (", ", annotators);
  g_autofree char *shared = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *row;
  guint n_documents = sm_agreement_get_n_documents (agreement);
  guint n_pairs = sm_agreement_get_n_pairs (agreement);

  group = add_group (self, _("Annotators"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: how many documents two annotators or more share */
  shared = g_strdup_printf (ngettext ("%u shared document", "%u shared documents", n_documents), n_documents);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shared);
  adw_preferences_group_add (group, row);

  group = add_group (self, _("Labels"),
                     n_pairs > 1
                     ? _("Averaged over pairs of annotators; α takes all annotators at once")
                     : NULL);
  adw_preferences_group_add (group, header_row ());
  for (guint i = 0; labels[i] != NULL; i++)
    {
      SmAgreementFigures figures;

      sm_agreement_get_figures (agreement, labels[i], &figures);
      row = label_row (self, labels[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures_box (&figures));
      adw_preferences_group_add (group, row);
    }

  if (types[0] != NULL)
    {
      group = add_group (self, _("Relations"), _("F1 of relations whose two ends are matched spans"));
      for (guint i = 0; types[i] != NULL; i++)
        {
          GtkWidget *cell = figure_cell (sm_agreement_get_relation_f1 (agreement, types[i]), 1);

          gtk_widget_set_tooltip_text (cell, isnan (sm_agreement_get_relation_f1 (agreement, types[i]))
                                              ? _("Undefined: no annotator has a relation of this type")
                                              : _("F1 of relations whose two ends are matched spans"));
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), types[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cell);
          gtk_widget_add_css_class (row, "agreement-relation");
          adw_preferences_group_add (group, row);
        }
    }

  group = add_group (self, _("Documents That Disagree Most"),
                     _("Spans one annotator has and another lacks, or placed too differently "
                       "to overlap by half, summed over pairs of annotators"));
  for (guint d = 0; d < n_documents && d < SM_AGREEMENT_PAGE_N_DOCUMENTS; d++)
    {
      g_autofree char *name = sm_agreement_dup_document_name (agreement, d);
      g_auto(GStrv) of_document = sm_agreement_dup_document_annotators (agreement, d);
      g_autofree char *who = g_strjoinv (", ", of_document);
      guint disagreement = sm_agreement_get_document_disagreement (agreement, d);
      /* Translators: how many spans of a document found no match */
      g_autofree char *count = g_strdup_printf (ngettext ("%u unmatched span", "%u unmatched spans", disagreement),
                                                disagreement);
      GFile *file = sm_agreement_get_document_file (agreement, d, of_document[0]);
      GtkWidget *figure = gtk_label_new (count);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), who);
      gtk_widget_add_css_class (figure, disagreement > 0 ? "warning" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), figure);
      gtk_widget_add_css_class (row, "agreement-document");
      if (file != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Open %s’s version"), of_document[0]);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, tooltip);
          g_object_set_data_full (G_OBJECT (row), "sm-file", g_object_ref (file), g_object_unref);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_document_activated),
                                   self, G_CONNECT_SWAPPED);
        }
      adw_preferences_group_add (group, row);
    }
}

static void
show_computing (SmAgreementPage *self)
{
  AdwPreferencesGroup *group = add_group (self, NULL, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Reading every annotator’s version…"));

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (box, 48);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  adw_preferences_group_add (group, box);
}

static void
show_error (SmAgreementPage *self,
            const GError    *error)
{
  AdwPreferencesGroup *group = add_group (self, NULL, NULL);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Could Not Read the Corpus"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  adw_preferences_group_add (group, status);
}

/* In the worker: every version read, and the figures worked out there
 * too, so the main thread only shows them */
static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(SmAgreement) agreement = sm_agreement_new (NULL);
  g_autoptr(GError) error = NULL;

  sm_thread_lower_priority ();

  /* Files that cannot be read are left out, as `agree` leaves them out;
   * the corpus list already shows them as such */
  if (!sm_agreement_read_team_folder (agreement, folder, NULL, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sm_agreement_get_n_documents (agreement);
  g_task_return_pointer (task, g_steal_pointer (&agreement), g_object_unref);
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAgreement) agreement = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  remove_groups (self);

  if (agreement == NULL)
    show_error (self, error);
  else
    {
      g_set_object (&self->agreement, agreement);
      if (sm_agreement_get_n_documents (agreement) == 0)
        show_none_shared (self);
      else
        show_agreement (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPUTING]);
}

static void
start_computing (SmAgreementPage *self)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_source_tag (task, start_computing);
  g_task_set_task_data (task, g_object_ref (sm_corpus_folder_get_folder (self->corpus)), g_object_unref);
  g_task_run_in_thread (task, compute_in_thread);

  show_computing (self);
}

static void
sm_agreement_page_constructed (GObject *object)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (object);

  G_OBJECT_CLASS (sm_agreement_page_parent_class)->constructed (object);

  start_computing (self);
}

static void
sm_agreement_page_dispose (GObject *object)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sm_agreement_page_parent_class)->dispose (object);
}

static void
sm_agreement_page_finalize (GObject *object)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (object);

  g_clear_object (&self->corpus);
  g_clear_object (&self->agreement);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_agreement_page_parent_class)->finalize (object);
}

static void
sm_agreement_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_COMPUTING:
      g_value_set_boolean (value, sm_agreement_page_get_computing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_agreement_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SmAgreementPage *self = SM_AGREEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_agreement_page_class_init (SmAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sm_agreement_page_constructed;
  object_class->dispose = sm_agreement_page_dispose;
  object_class->finalize = sm_agreement_page_finalize;
  object_class->get_property = sm_agreement_page_get_property;
  object_class->set_property = sm_agreement_page_set_property;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         SM_TYPE_CORPUS_FOLDER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmAgreementPage::document-activated:
   * @file: the first annotator's version of the document
   *
   * The user asked to open a document of the list.
   */
  signals [DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
sm_agreement_page_init (SmAgreementPage *self)
{
  self->groups = g_ptr_array_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Agreement"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");
}

/**
 * sm_agreement_page_new:
 * @corpus: a corpus folder, one subfolder per annotator
 *
 * Starts reading every annotator's version of @corpus's documents, as
 * saved on disk, and shows the figures once they are worked out.
 */
GtkWidget *
sm_agreement_page_new (SmCorpusFolder *corpus)
{
  g_return_val_if_fail (SM_IS_CORPUS_FOLDER (corpus), NULL);

  return g_object_new (SM_TYPE_AGREEMENT_PAGE, "corpus", corpus, NULL);
}

/**
 * sm_agreement_page_get_computing:
 *
 * Returns: whether the figures are still being worked out
 */
gboolean
sm_agreement_page_get_computing (SmAgreementPage *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * sm_agreement_page_get_agreement:
 *
 * Returns: (transfer none) (nullable): the figures shown, once worked out
 */
SmAgreement *
sm_agreement_page_get_agreement (SmAgreementPage *self)
{
  g_return_val_if_fail (SM_IS_AGREEMENT_PAGE (self), NULL);

  return self->agreement;
}
