package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/applyconnect"
	"github.com/terraform-linkedin/terraform-provider-linkedin/internal/validate"
)

// The schema of linkedin_job_posting.onsite_apply_configuration: LinkedIn's onsiteApplyConfiguration
// (https://learn.microsoft.com/en-us/linkedin/talent/apply-connect/sync-jobs-onsite-apply) field for field,
// each LinkedIn name written in snake_case (jobApplicationWebhookUrl is job_application_webhook_url), so that
// LinkedIn's documentation translates by eye and the mapping to LinkedIn's JSON is mechanical
// (resource_job_posting_onsite_apply_model.go). Lists are lists where LinkedIn keeps the order (questions,
// choices, question sets); symbolic names and file extensions are sets, as their order means nothing.
// Defaults are LinkedIn's, from package applyconnect; the question rules live there too (applyconnect.Check).

const onsiteApplyDescription = "Turns on LinkedIn Apply (Apply Connect): applicants apply on LinkedIn, answering these questions, and " +
	"LinkedIn delivers each application to `job_application_webhook_url`. LinkedIn's `onsiteApplyConfiguration`, field for field in snake_case. " +
	"Needs `integration_context`, `availability = \"PUBLIC\"` and the customer's `APPLY_CONNECT` integration (tenant `JOBS`) enabled for that organization. " +
	"A section left out (null) is not asked; a section given as `{}` is asked with LinkedIn's defaults. " +
	"LinkedIn does not return the questions, so refresh keeps the configured values and import leaves this attribute null."

// onsiteApplyAttribute is onsite_apply_configuration.
func onsiteApplyAttribute() schema.SingleNestedAttribute {
	a := schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: onsiteApplyDescription,
		Attributes: map[string]schema.Attribute{
			"job_application_webhook_url": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Where LinkedIn delivers applications (`jobApplicationWebhookUrl`): an `https://` URL that answers LinkedIn's challenge " +
					"(`provider::linkedin::webhook_challenge_response` computes the answer); `http://` only on a loopback host (a local receiver for the emulator).",
				Validators: []validator.String{ruleValidator("an https:// URL (http:// only on a loopback host)", validate.WebhookURL)},
			},
			"questions": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The application form's seven sections (`questions`). Without it, LinkedIn asks only for the applicant's name and e-mail address.",
				Attributes:          questionSectionAttributes(),
			},
		},
	}
	// The type has about 500 nodes: built once (cached_object_type.go), not on every conversion of every plan.
	a.CustomType = newCachedObjectType(context.Background(), nestedAttributeTypes(a.Attributes))
	return a
}

// questionSectionAttributes are the seven sections of questions.
func questionSectionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"contact_information_questions": section("Contact information beyond name and e-mail address (`contactInformationQuestions`).", map[string]schema.Attribute{
			"middle_name_question_requirement":      requirementAttribute("middle_name_question_requirement", "the middle name"),
			"cellphone_number_question_requirement": requirementAttribute("cellphone_number_question_requirement", "a cellphone number"),
			"location_question_requirement":         requirementAttribute("location_question_requirement", "the applicant's location"),
			"custom_questions":                      customQuestionsAttribute(),
		}),
		"resume_questions": section("The resume (`resumeQuestions`): doc, docx or pdf, at most 2 MB.", map[string]schema.Attribute{
			"resume_question_requirement": requirementAttribute("resume_question_requirement", "a resume"),
			"custom_questions":            customQuestionsAttribute(),
		}),
		"cover_letter_questions": section("The cover letter (`coverLetterQuestions`), as a file of at most 512 KB or as text.", map[string]schema.Attribute{
			"cover_letter_question_requirement":      requirementAttribute("cover_letter_question_requirement", "a cover letter file"),
			"text_cover_letter_question_requirement": requirementAttribute("text_cover_letter_question_requirement", "a cover letter as text"),
			"custom_questions":                       customQuestionsAttribute(),
		}),
		"work_questions": section("Work experience (`workQuestions`).", map[string]schema.Attribute{
			"work_experience_question_set": experienceSetAttribute("One position, asked `min_required` to `repeat_limit` times (`workExperienceQuestionSet`); `{}` asks it with LinkedIn's defaults.",
				applyconnect.WorkRepeatLimitDefault, applyconnect.WorkRepeatLimitMax, map[string]string{
					"title_question_requirement":            "the job title",
					"employment_dates_question_requirement": "the employment dates",
					"city_question_requirement":             "the city",
					"company_question_requirement":          "the company",
					"description_question_requirement":      "a description of the position",
				}),
			"custom_questions": customQuestionsAttribute(),
		}),
		"education_questions": section("Education (`educationQuestions`).", map[string]schema.Attribute{
			"education_experience_question_set": experienceSetAttribute("One school, asked `min_required` to `repeat_limit` times (`educationExperienceQuestionSet`); `{}` asks it with LinkedIn's defaults.",
				applyconnect.EducationRepeatLimitDefault, applyconnect.EducationRepeatLimitMax, map[string]string{
					"school_question_requirement":         "the school",
					"dates_attended_question_requirement": "the dates attended",
					"city_question_requirement":           "the city",
					"degree_question_requirement":         "the degree",
					"field_of_study_question_requirement": "the field of study",
				}),
			"custom_questions": customQuestionsAttribute(),
		}),
		"voluntary_self_identification_questions": section("The US equal employment opportunity questions (`voluntarySelfIdentificationQuestions`).", map[string]schema.Attribute{
			"disability_question_requirement":     requirementAttribute("disability_question_requirement", "the disability status"),
			"gender_question_requirement":         requirementAttribute("gender_question_requirement", "the gender"),
			"race_question_requirement":           requirementAttribute("race_question_requirement", "the race"),
			"veteran_status_question_requirement": requirementAttribute("veteran_status_question_requirement", "the veteran status"),
			"custom_questions":                    customQuestionsAttribute(),
		}),
		"additional_questions": section("The partner's own question sets (`additionalQuestions`).", map[string]schema.Attribute{
			"custom_question_sets": schema.ListNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Question sets, in the order LinkedIn shows them (`customQuestionSets`).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"questions": schema.ListNestedAttribute{
						Required:            true,
						MarkdownDescription: "The set's questions, in order (`questions`).",
						NestedObject:        customQuestionObject(),
					},
					"repeat_limit": schema.Int64Attribute{
						Optional: true, Computed: true, Default: int64default.StaticInt64(applyconnect.CustomSetRepeatLimitDefault),
						MarkdownDescription: fmt.Sprintf("How many times an applicant may answer the set (`repeatLimit`, 1–%d; LinkedIn's default %d). "+
							"Questions of a repeatable set (above 1) cannot have a prerequisite.", applyconnect.CustomSetRepeatLimitMax, applyconnect.CustomSetRepeatLimitDefault),
					},
				}},
			},
		}),
	}
}

// section is an optional section of questions: null is not asked, {} is asked with LinkedIn's defaults.
func section(description string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: description + " Null: not asked; `{}`: asked with LinkedIn's defaults.",
		Attributes:          attrs,
	}
}

// requirementAttribute is one *_question_requirement, with LinkedIn's default for that field (looked up by
// its LinkedIn name, so the default cannot drift from applyconnect.RequirementDefaults).
func requirementAttribute(name, what string) schema.StringAttribute {
	def, ok := applyconnect.RequirementDefaults[linkedInName(name)]
	if !ok {
		panic("no LinkedIn default for " + name)
	}
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		Default:  stringdefault.StaticString(def),
		MarkdownDescription: fmt.Sprintf("Whether to ask for %s: `REQUIRED`, `OPTIONAL` or `SKIP` (not asked). LinkedIn's default: `%s`.",
			what, def),
		Validators: []validator.String{stringvalidator.OneOf(applyconnect.Requirements...)},
	}
}

// experienceSetAttribute is a work or education experience set: its requirements, its repetition and its
// own custom questions.
func experienceSetAttribute(description string, repeatDefault, repeatMax int64, requirements map[string]string) schema.SingleNestedAttribute {
	attrs := map[string]schema.Attribute{
		"min_required": schema.Int64Attribute{
			Optional: true, Computed: true, Default: int64default.StaticInt64(applyconnect.MinRequiredDefault),
			MarkdownDescription: fmt.Sprintf("How many repetitions an applicant must give (`minRequired`, 0 to `repeat_limit`; LinkedIn's default %d).", applyconnect.MinRequiredDefault),
		},
		"repeat_limit": schema.Int64Attribute{
			Optional: true, Computed: true, Default: int64default.StaticInt64(repeatDefault),
			MarkdownDescription: fmt.Sprintf("How many repetitions an applicant may give (`repeatLimit`, 1–%d; LinkedIn's default %d). "+
				"Questions of a repeatable set (above 1) cannot have a prerequisite.", repeatMax, repeatDefault),
		},
		"custom_questions": customQuestionsAttribute(),
	}
	for name, what := range requirements {
		attrs[name] = requirementAttribute(name, what)
	}
	return schema.SingleNestedAttribute{Optional: true, MarkdownDescription: description, Attributes: attrs}
}

// customQuestionsAttribute is a section's customQuestions: the scope in which a prerequisite is looked up.
func customQuestionsAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional: true,
		MarkdownDescription: "The partner's own questions, in the order LinkedIn asks them (`customQuestions`). " +
			"A conditional question's prerequisite must be in the same list.",
		NestedObject: customQuestionObject(),
	}
}

// customQuestionObject is LinkedIn's SimpleTalentQuestionDefinition.
func customQuestionObject() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"partner_question_identifier": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The question's id in the ATS (`partnerQuestionIdentifier`), unique in the whole job: LinkedIn returns it with each answer.",
			Validators:          []validator.String{lineValidator()},
		},
		"question_text": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The question as applicants see it (`questionText`); HTML limited to `b i a p ul li`.",
			Validators:          []validator.String{trimmedTextValidator()},
		},
		"required": schema.BoolAttribute{
			Optional: true, Computed: true, Default: booldefault.StaticBool(false),
			MarkdownDescription: "Whether an answer is required (`required`; LinkedIn's default `false`).",
		},
		"help_message":          optionalString("A hint shown under the question (`helpMessage`).", trimmedTextValidator()),
		"expanded_help_message": optionalString("A longer explanation applicants can expand (`expandedHelpMessage`).", trimmedTextValidator()),
		"question_details": schema.SingleNestedAttribute{
			Required:            true,
			MarkdownDescription: "What kind of answer the question takes (`questionDetails`): set exactly one of its attributes.",
			Attributes:          questionDetailsAttributes(),
		},
		"prerequisite_question_response": schema.SingleNestedAttribute{
			Optional: true,
			MarkdownDescription: "Makes the question conditional (`prerequisiteQuestionResponse`): it is asked only when the applicant gave this answer to " +
				"the prerequisite, a `RADIO_BUTTONS` multiple-choice question of the same list that has no prerequisite itself. Not allowed in repeatable sets.",
			Attributes: map[string]schema.Attribute{
				"prerequisite_question": schema.SingleNestedAttribute{
					Required:            true,
					MarkdownDescription: "The prerequisite question (`prerequisiteQuestion`).",
					Attributes: map[string]schema.Attribute{
						"partner_question_identifier": schema.StringAttribute{Required: true, MarkdownDescription: "Its `partner_question_identifier`.", Validators: []validator.String{lineValidator()}},
					},
				},
				"prerequisite_response": schema.SingleNestedAttribute{
					Required:            true,
					MarkdownDescription: "The answer that makes this question appear (`prerequisiteResponse`).",
					Attributes: map[string]schema.Attribute{
						"multiple_choice_answer_value": schema.SingleNestedAttribute{
							Required:            true,
							MarkdownDescription: "An answer to the prerequisite (`multipleChoiceAnswerValue`).",
							Attributes: map[string]schema.Attribute{
								"symbolic_names": symbolicNamesAttribute("Exactly one `symbolic_name` of the prerequisite's choices (`symbolicNames`)."),
							},
						},
					},
				},
			},
		},
	}}
}

// symbolicNamesAttribute is a set of choices' symbolic names: their order means nothing to LinkedIn.
func symbolicNamesAttribute(description string) schema.SetAttribute {
	return schema.SetAttribute{
		Required: true, ElementType: types.StringType, MarkdownDescription: description,
		Validators: []validator.Set{setvalidator.ValueStringsAre(lineValidator())},
	}
}

// questionDetailsAttributes are the members of the questionDetails union.
func questionDetailsAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"multiple_choice_question_details": multipleChoiceAttribute(),
		"text_question_details": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "A free-text answer (`textQuestionDetails`).",
			Attributes: map[string]schema.Attribute{
				"suggested_value": optionalString("A suggested answer (`suggestedValue`).", trimmedTextValidator()),
				"min_length": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
					MarkdownDescription: "The shortest answer in characters (`minLength`; LinkedIn's default 0)."},
				"max_length": schema.Int64Attribute{Optional: true,
					MarkdownDescription: "The longest answer in characters (`maxLength`); LinkedIn needs a number above 0."},
				"preferred_form_component": formComponentAttribute("`TEXT` or `MULTILINE_TEXT`."),
			},
		},
		"numeric_question_details":    numericAttribute(),
		"date_range_question_details": dateRangeAttribute(),
		"document_question_details": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "A file upload (`documentQuestionDetails`).",
			Attributes: map[string]schema.Attribute{
				"maximum_size": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(applyconnect.DocumentMaximumSizeDefault),
					MarkdownDescription: fmt.Sprintf("The largest file in bytes (`maximumSize`; LinkedIn's default and maximum %d, 100 MB).", applyconnect.DocumentMaximumSizeDefault)},
				"acceptable_file_extensions": schema.SetAttribute{Optional: true, ElementType: types.StringType,
					MarkdownDescription: "File extensions accepted, lower case without the dot, such as `pdf` (`acceptableFileExtensions`); null accepts any."},
			},
		},
	}
}

// formComponentAttribute is a preferredFormComponent; which components suit which question is a question
// rule (applyconnect.Check), the enumeration is LinkedIn's schema.
func formComponentAttribute(which string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "How LinkedIn shows the question (`preferredFormComponent`): " + which,
		Validators:          []validator.String{stringvalidator.OneOf(applyconnect.FormComponents...)},
	}
}

func multipleChoiceAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "Pick one of the choices, or several with `CHECKBOXES` and `select_multiple` (`multipleChoiceQuestionDetails`).",
		Attributes: map[string]schema.Attribute{
			"choices": schema.ListNestedAttribute{
				Required:            true,
				MarkdownDescription: fmt.Sprintf("The answers, in the order LinkedIn shows them (`choices`, 1–%d).", applyconnect.MaxChoices),
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"symbolic_name": schema.StringAttribute{Required: true, MarkdownDescription: "What LinkedIn sends back when this choice is picked (`symbolicName`), unique in the question.",
						Validators: []validator.String{lineValidator()}},
					"display_value": schema.StringAttribute{Required: true, MarkdownDescription: "What applicants see (`displayValue`).",
						Validators: []validator.String{lineValidator()}},
				}},
			},
			"default_value_symbolic_name": optionalString("The choice selected at first (`defaultValueSymbolicName`).", lineValidator()),
			"favorable_multiple_choice_answer": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The answers the ATS screens as favorable (`favorableMultipleChoiceAnswer`).",
				Attributes: map[string]schema.Attribute{
					"favorable_symbolic_names": symbolicNamesAttribute("Symbolic names of the favorable choices (`favorableSymbolicNames`)."),
				},
			},
			"preferred_form_component": func() schema.StringAttribute {
				a := formComponentAttribute("`RADIO_BUTTONS`, `DROPDOWN`, `CHECKBOXES` or `BUTTONS`; a prerequisite question must use `RADIO_BUTTONS`.")
				a.Optional, a.Required = false, true
				return a
			}(),
			"select_multiple": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether several choices may be picked (`selectMultiple`; LinkedIn's default `false`); only with `CHECKBOXES`."},
		},
	}
}

func numericAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "A number (`numericQuestionDetails`): set exactly one of `decimal_question_details` and `integer_question_details`.",
		Attributes: map[string]schema.Attribute{
			"decimal_question_details": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "A decimal answer (`decimalQuestionDetails`).",
				Attributes: map[string]schema.Attribute{
					"suggested_value": schema.Float64Attribute{Optional: true, MarkdownDescription: "A suggested answer (`suggestedValue`)."},
					"min_value": schema.Float64Attribute{Optional: true, Computed: true, Default: float64default.StaticFloat64(0),
						MarkdownDescription: "The smallest answer (`minValue`; LinkedIn's default 0)."},
					"max_value": schema.Float64Attribute{Optional: true, MarkdownDescription: "The largest answer (`maxValue`)."},
				},
			},
			"integer_question_details": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "An integer answer (`integerQuestionDetails`).",
				Attributes: map[string]schema.Attribute{
					"suggested_value": schema.Int64Attribute{Optional: true, MarkdownDescription: "A suggested answer (`suggestedValue`)."},
					"min_value": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
						MarkdownDescription: "The smallest answer (`minValue`; LinkedIn's default 0)."},
					"max_value": schema.Int64Attribute{Optional: true, MarkdownDescription: "The largest answer (`maxValue`)."},
				},
			},
			"favorable_numeric_answer": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "The range of answers the ATS screens as favorable (`favorableNumericAnswer`).",
				Attributes: map[string]schema.Attribute{
					"favorable_floor":   schema.Float64Attribute{Optional: true, MarkdownDescription: "The smallest favorable answer (`favorableFloor`)."},
					"favorable_ceiling": schema.Float64Attribute{Optional: true, MarkdownDescription: "The largest favorable answer (`favorableCeiling`)."},
				},
			},
		},
	}
}

func dateRangeAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "A from–to date answer (`dateRangeQuestionDetails`).",
		Attributes: map[string]schema.Attribute{
			"start_label": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(applyconnect.DateRangeStartLabelDefault),
				MarkdownDescription: fmt.Sprintf("The label of the first date (`startLabel`; LinkedIn's default `%s`).", applyconnect.DateRangeStartLabelDefault),
				Validators:          []validator.String{lineValidator()}},
			"end_label": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(applyconnect.DateRangeEndLabelDefault),
				MarkdownDescription: fmt.Sprintf("The label of the second date (`endLabel`; LinkedIn's default `%s`).", applyconnect.DateRangeEndLabelDefault),
				Validators:          []validator.String{lineValidator()}},
			"hide_end_date_label": schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether to hide the second date's label (`hideEndDateLabel`)."},
		},
	}
}
