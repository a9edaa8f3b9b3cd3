/* sm-banner.c: a message across the top of the window, with two buttons.
 *
 * For what the user should decide about but need not decide now: a draft
 * left by a crash, a file changed on disk, labels a project lacks. The
 * buttons activate actions, so the window decides what they do.
 * (libadwaita's AdwBanner arrived after the 1.2 we support.)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-banner"

#include "config.h"

#include "sm-banner.h"

struct _SmBanner
{
  GtkWidget    parent_instance;
  GtkRevealer *revealer;
  GtkLabel    *title;
  GtkButton   *secondary;
  GtkButton   *primary;
};

G_DEFINE_FINAL_TYPE (SmBanner, sm_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REVEALED,
  PROP_PRIMARY_LABEL,
  PROP_PRIMARY_ACTION,
  PROP_SECONDARY_LABEL,
  PROP_SECONDARY_ACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sm_banner_dispose (GObject *object)
{
  SmBanner *self = (SmBanner *)object;

  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (sm_banner_parent_class)->dispose (object);
}

static void
sm_banner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmBanner *self = SM_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, sm_banner_get_title (self));
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, sm_banner_get_revealed (self));
      break;

    case PROP_PRIMARY_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->primary));
      break;

    case PROP_PRIMARY_ACTION:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->primary)));
      break;

    case PROP_SECONDARY_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->secondary));
      break;

    case PROP_SECONDARY_ACTION:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->secondary)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_banner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmBanner *self = SM_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sm_banner_set_title (self, g_value_get_string (value));
      break;

    case PROP_REVEALED:
      sm_banner_set_revealed (self, g_value_get_boolean (value));
      break;

    case PROP_PRIMARY_LABEL:
      gtk_button_set_label (self->primary, g_value_get_string (value));
      break;

    case PROP_PRIMARY_ACTION:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary), g_value_get_string (value));
      break;

    case PROP_SECONDARY_LABEL:
      gtk_button_set_label (self->secondary, g_value_get_string (value));
      break;

    case PROP_SECONDARY_ACTION:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->secondary), g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_banner_class_init (SmBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_banner_dispose;
  object_class->get_property = sm_banner_get_property;
  object_class->set_property = sm_banner_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PRIMARY_LABEL] =
    g_param_spec_string ("primary-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PRIMARY_ACTION] =
    g_param_spec_string ("primary-action", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SECONDARY_LABEL] =
    g_param_spec_string ("secondary-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SECONDARY_ACTION] =
    g_param_spec_string ("secondary-action", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "banner");
}

static void
sm_banner_init (SmBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);

  self->secondary = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->secondary, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->secondary), GTK_ALIGN_CENTER);

  self->primary = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->primary, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->primary), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->primary), "suggested-action");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->secondary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->primary));
  gtk_widget_add_css_class (box, "banner-box");
  gtk_revealer_set_child (self->revealer, box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
}

const char *
sm_banner_get_title (SmBanner *self)
{
  g_return_val_if_fail (SM_IS_BANNER (self), NULL);

  return gtk_label_get_label (self->title);
}

void
sm_banner_set_title (SmBanner   *self,
                     const char *title)
{
  g_return_if_fail (SM_IS_BANNER (self));

  if (g_strcmp0 (gtk_label_get_label (self->title), title) == 0)
    return;

  gtk_label_set_label (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

gboolean
sm_banner_get_revealed (SmBanner *self)
{
  g_return_val_if_fail (SM_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
sm_banner_set_revealed (SmBanner *self,
                        gboolean  revealed)
{
  g_return_if_fail (SM_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;

  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
}
