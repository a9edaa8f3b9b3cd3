/* sm-export-private.h: what SmExporter needs of each export format.
 *
 * Each format renders one document at a time, in a worker thread, from a
 * document nobody else touches, so the renderers share no state; what a
 * format needs across documents (the brat configuration, the HTML totals,
 * the CoNLL columns) is gathered by SmExporter in input order.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-export.h"

G_BEGIN_DECLS

typedef struct
{
  /* The labels to export, or NULL for every label */
  char **labels;
} SmExportOptions;

gboolean    _sm_export_options_keeps_label (const SmExportOptions *options,
                                            const char            *label);
GPtrArray  *_sm_export_get_spans           (SmDocument            *document,
                                            const SmExportOptions *options);
GPtrArray  *_sm_export_get_relations       (SmDocument            *document,
                                            const SmExportOptions *options);
void        _sm_export_warn                (GPtrArray             *warnings,
                                            const char            *display_name,
                                            const char            *format,
                                            ...) G_GNUC_PRINTF (3, 4);

/* sm-export-jsonl.c */
void        _sm_export_jsonl_append        (GString               *out,
                                            SmDocument            *document,
                                            const SmExportOptions *options);

/* sm-export-csv.c */
void        _sm_export_csv_append_header   (GString               *out);
void        _sm_export_csv_append          (GString               *out,
                                            SmDocument            *document,
                                            const SmExportOptions *options,
                                            const char            *display_name,
                                            GPtrArray             *warnings);

/* sm-export-brat.c */
typedef struct _SmBratConfig SmBratConfig;

GBytes       *_sm_export_brat_render_ann   (SmDocument            *document,
                                            const SmExportOptions *options,
                                            const char            *display_name,
                                            GPtrArray             *warnings);
SmBratConfig *_sm_brat_config_new          (void);
void          _sm_brat_config_free         (SmBratConfig          *config);
void          _sm_brat_config_add_document (SmBratConfig          *config,
                                            SmDocument            *document,
                                            const SmExportOptions *options);
GBytes       *_sm_brat_config_render_annotation_conf (SmBratConfig *config,
                                                      GPtrArray    *warnings);
GBytes       *_sm_brat_config_render_visual_conf     (SmBratConfig *config);

/* sm-export-html.c */
typedef struct _SmHtmlTotals SmHtmlTotals;

void          _sm_export_html_begin        (GString               *out,
                                            const char            *title);
void          _sm_export_html_append       (GString               *out,
                                            SmDocument            *document,
                                            const SmExportOptions *options,
                                            guint                  index);
void          _sm_export_html_end          (GString               *out,
                                            SmHtmlTotals          *totals);
SmHtmlTotals *_sm_html_totals_new          (void);
void          _sm_html_totals_free         (SmHtmlTotals          *totals);
void          _sm_html_totals_add_document (SmHtmlTotals          *totals,
                                            SmDocument            *document,
                                            const SmExportOptions *options,
                                            guint                  index);

/* sm-export-conll.c */
typedef struct _SmConllDocument SmConllDocument;

SmConllDocument *_sm_conll_document_new    (SmDocument            *document,
                                            const SmExportOptions *options,
                                            const char            *display_name,
                                            GPtrArray             *warnings);
void             _sm_conll_document_free   (SmConllDocument       *conll);
void             _sm_conll_document_append (SmConllDocument       *conll,
                                            GString               *out,
                                            const char * const    *columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmBratConfig, _sm_brat_config_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmHtmlTotals, _sm_html_totals_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmConllDocument, _sm_conll_document_free)

G_END_DECLS
