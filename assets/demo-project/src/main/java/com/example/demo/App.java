package com.example.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.SystemUtils;

/** Prints a small JSON document; its dependencies come through CodeArtifact. */
public final class App {
	private App() {
	}

	static Map<String, String> describe(Properties properties) {
		Map<String, String> result = new LinkedHashMap<>();
		result.put("name", StringUtils.defaultIfBlank(properties.getProperty("app.name"), "unnamed"));
		result.put("greeting", StringUtils.capitalize(properties.getProperty("app.greeting", "")));
		result.put("java", SystemUtils.JAVA_VERSION);
		return result;
	}

	public static void main(String[] args) throws IOException, JsonProcessingException {
		Properties properties = new Properties();
		try (InputStream in = App.class.getResourceAsStream("/app.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		System.out.println(mapper.writeValueAsString(describe(properties)));
	}
}
