package org.medkiosk.demohospital;

import java.util.List;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.UriOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

/** The guidance screens' providers: the price list, notices, and the kiosk's satisfaction feedback. */
final class GuideProviders {
    private GuideProviders() {
    }

    public static final class ChargeItemDefinitionProvider implements IResourceProvider {
        private final HospitalRecords records;

        ChargeItemDefinitionProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<ChargeItemDefinition> getResourceType() {
            return ChargeItemDefinition.class;
        }

        @Read
        public ChargeItemDefinition read(@IdParam IdType id) {
            return Providers.read(records, ChargeItemDefinition.class, id);
        }

        @Search
        public List<ChargeItemDefinition> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                                 @OptionalParam(name = ChargeItemDefinition.SP_STATUS) TokenOrListParam status) {
            return records.find(ChargeItemDefinition.class, c -> Providers.id(ids, c)
                    && SearchMatch.token(status, null, c.hasStatus() ? c.getStatus().toCode() : null));
        }
    }

    public static final class CommunicationProvider implements IResourceProvider {
        private final HospitalRecords records;

        CommunicationProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Communication> getResourceType() {
            return Communication.class;
        }

        @Read
        public Communication read(@IdParam IdType id) {
            return Providers.read(records, Communication.class, id);
        }

        @Search
        public List<Communication> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = Communication.SP_CATEGORY) TokenOrListParam category,
                                          @OptionalParam(name = Communication.SP_STATUS) TokenOrListParam status) {
            return records.find(Communication.class, c -> Providers.id(ids, c)
                    && (category == null || c.getCategory().stream().anyMatch(cc -> cc.getCoding().stream()
                    .anyMatch(x -> SearchMatch.token(category, x.getSystem(), x.getCode()))))
                    && SearchMatch.token(status, null, c.hasStatus() ? c.getStatus().toCode() : null));
        }
    }

    public static final class QuestionnaireProvider implements IResourceProvider {
        private final HospitalRecords records;

        QuestionnaireProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<Questionnaire> getResourceType() {
            return Questionnaire.class;
        }

        @Read
        public Questionnaire read(@IdParam IdType id) {
            return Providers.read(records, Questionnaire.class, id);
        }

        @Search
        public List<Questionnaire> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                          @OptionalParam(name = Questionnaire.SP_URL) UriOrListParam url) {
            return records.find(Questionnaire.class, q -> Providers.id(ids, q)
                    && (url == null || url.getValuesAsQueryTokens().stream().anyMatch(u -> u.getValue().equals(q.getUrl()))));
        }
    }

    /**
     * Kiosk feedback: anonymous QuestionnaireResponses to the kiosk-satisfaction questionnaire. A create carrying an
     * idempotency key the hospital already stored answers the stored response (FHIR conditional create on
     * {@code identifier}, with the key also in the {@code Idempotency-Key} header), so a retry is not a second vote.
     */
    public static final class QuestionnaireResponseProvider implements IResourceProvider {
        private final HospitalRecords records;

        QuestionnaireResponseProvider(HospitalRecords records) {
            this.records = records;
        }

        @Override
        public Class<QuestionnaireResponse> getResourceType() {
            return QuestionnaireResponse.class;
        }

        @Read
        public QuestionnaireResponse read(@IdParam IdType id) {
            return Providers.read(records, QuestionnaireResponse.class, id);
        }

        @Search
        public List<QuestionnaireResponse> search(@OptionalParam(name = "_id") TokenOrListParam ids,
                                                  @OptionalParam(name = QuestionnaireResponse.SP_IDENTIFIER) TokenOrListParam identifier,
                                                  @OptionalParam(name = QuestionnaireResponse.SP_QUESTIONNAIRE) TokenOrListParam questionnaire) {
            return records.find(QuestionnaireResponse.class, r -> Providers.id(ids, r)
                    && SearchMatch.identifier(identifier, r.hasIdentifier() ? List.of(r.getIdentifier()) : List.of())
                    && SearchMatch.token(questionnaire, null, r.getQuestionnaire()));
        }

        @Create
        public MethodOutcome create(@ResourceParam QuestionnaireResponse response, @ConditionalUrlParam String ifNoneExist,
                                    RequestDetails request) {
            String header = request.getHeader("Idempotency-Key");
            String key = response.hasIdentifier() && Ext.IDEMPOTENCY_KEY.equals(response.getIdentifier().getSystem())
                    ? response.getIdentifier().getValue() : header;
            if (header != null && !header.isBlank() && key != null && !header.trim().equals(key)) {
                throw Problems.businessRule("the Idempotency-Key header and the identifier name different keys");
            }
            check(response);
            return records.atomically(() -> {
                if (key != null && !key.isBlank()) {
                    List<QuestionnaireResponse> earlier = records.find(QuestionnaireResponse.class, r -> r.hasIdentifier()
                            && Ext.IDEMPOTENCY_KEY.equals(r.getIdentifier().getSystem())
                            && key.equals(r.getIdentifier().getValue()));
                    if (!earlier.isEmpty()) {
                        MethodOutcome out = new MethodOutcome(earlier.get(0).getIdElement(), false);
                        out.setResource(earlier.get(0));
                        return out;
                    }
                    response.getIdentifier().setSystem(Ext.IDEMPOTENCY_KEY).setValue(key.trim());
                }
                response.setId((String) null);
                QuestionnaireResponse saved = records.put(response);
                MethodOutcome out = new MethodOutcome(saved.getIdElement(), true);
                out.setResource(saved);
                return out;
            });
        }

        /** What the hospital accepts as kiosk feedback: its questionnaire, completed, 1..5, anonymous, short. */
        private static void check(QuestionnaireResponse r) {
            if (!HospitalGuideSeed.QUESTIONNAIRE_URL.equals(r.getQuestionnaire())) {
                throw Problems.businessRule("questionnaire must be " + HospitalGuideSeed.QUESTIONNAIRE_URL);
            }
            if (r.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED) {
                throw Problems.businessRule("feedback must be completed");
            }
            if (r.hasSubject() || r.hasSource() || r.hasEncounter()) {
                throw Problems.businessRule("kiosk feedback is anonymous: no subject, source or encounter");
            }
            Integer satisfaction = null;
            for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : r.getItem()) {
                Type value = item.hasAnswer() ? item.getAnswerFirstRep().getValue() : null;
                switch (item.getLinkId()) {
                    case "satisfaction" -> satisfaction = value instanceof IntegerType i ? i.getValue() : null;
                    case "comment" -> {
                        if (value != null && value.primitiveValue() != null && value.primitiveValue().codePointCount(0, value.primitiveValue().length()) > 500) {
                            throw Problems.businessRule("comment longer than 500 characters");
                        }
                    }
                    case "journey" -> {
                        // a coding of the kiosk-journey system, or free text (open-choice)
                    }
                    default -> throw Problems.businessRule("unknown item " + item.getLinkId());
                }
            }
            if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
                throw Problems.businessRule("satisfaction must be an integer 1..5");
            }
        }
    }
}
